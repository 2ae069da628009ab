package dev.portallinks.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
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
        return Stream.of(System.getProperty("it.server.log.files").split(",")).map(String::strip).map(Path::of).map(TestServer::read)
                .collect(Collectors.joining("\n"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the server log " + file, e);
        }
    }
}
