package dev.portallinks.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The server the integration tests run on, as the build describes it in system properties: the tests are written
 * once, and what differs between Open Liberty, WildFly and Payara (where the health checks and the log files are)
 * lives in the build.
 */
public final class TestServer {

    private TestServer() {
    }

    /** @return the server's name and version, for messages ({@code it.server}) */
    public static String name() {
        return System.getProperty("it.server", "the test server");
    }

    /**
     * Returns a deployment URL with its host on 127.0.0.1. Some adapters report the machine's host name; the
     * tests talk to the loopback interface only.
     *
     * @param url the URL Arquillian gives
     * @return the same URL on 127.0.0.1
     */
    public static URL onLoopback(URL url) {
        try {
            return new URL(url.getProtocol(), "127.0.0.1", url.getPort(), url.getFile());
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(url.toString(), e);
        }
    }

    /** @return the base URL of the server's MicroProfile Health endpoints ({@code it.health.url}; WildFly: its management port) */
    public static String healthUrl() {
        return System.getProperty("it.health.url");
    }

    /**
     * Returns everything the server has logged so far, from its own log files ({@code it.server.log.files}: Liberty's
     * messages.log and trace.log, WildFly's server.log, Payara's log file).
     *
     * @return the text of all its log files, one after the other
     * @throws UncheckedIOException when a listed file cannot be read
     */
    public static String logText() {
        return logFiles().stream().map(TestServer::read).collect(Collectors.joining("\n"));
    }

    /**
     * Marks the end of the server's log files now, so that a test reads only what was written after it started
     * (another test's lines cannot make an assertion pass).
     *
     * @return the mark
     */
    public static LogMark logMark() {
        return new LogMark(logFiles().stream().collect(Collectors.toMap(file -> file, TestServer::size)));
    }

    /** Where the server's log files ended when a test started. */
    public static final class LogMark {

        private final Map<Path, Long> sizes;

        private LogMark(Map<Path, Long> sizes) {
            this.sizes = sizes;
        }

        /**
         * Returns what the server logged since the mark (a file that was rolled over since is read whole).
         *
         * @return the new text of all its log files, one after the other
         */
        public String textSince() {
            return logFiles().stream().map(this::newText).collect(Collectors.joining("\n"));
        }

        /**
         * Counts the lines logged since the mark that contain all the texts: the most in any one log file (Liberty writes a
         * WARNING to both messages.log and trace.log; that is one log line, not two).
         *
         * @param texts what a line must contain
         * @return how many lines of one file contain them all, the most of any file
         */
        public long linesSince(String... texts) {
            return logFiles().stream().mapToLong(file -> newText(file).lines().filter(line -> Stream.of(texts).allMatch(line::contains)).count())
                    .max().orElse(0);
        }

        private String newText(Path file) {
            byte[] bytes = bytes(file);
            int before = (int) Math.min(sizes.getOrDefault(file, 0L), Integer.MAX_VALUE);
            return before <= bytes.length ? new String(bytes, before, bytes.length - before, StandardCharsets.UTF_8)
                    : new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static List<Path> logFiles() {
        return Stream.of(System.getProperty("it.server.log.files").split(",")).map(String::strip).map(Path::of).toList();
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the server log " + file, e);
        }
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the server log " + file, e);
        }
    }

    private static String read(Path file) {
        return new String(bytes(file), StandardCharsets.UTF_8);
    }
}
