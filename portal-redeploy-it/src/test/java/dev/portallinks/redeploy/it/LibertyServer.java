package dev.portallinks.redeploy.it;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Open Liberty server the build started, seen from the outside as an operator would: its WAR in {@code apps/},
 * its {@code messages.log}, and its JVM through {@code jcmd} (same user, same machine).
 *
 * @param name what the test calls it
 * @param url the test application's root on it
 * @param directory the server's directory ({@code wlp/usr/servers/<name>})
 */
record LibertyServer(String name, URI url, Path directory) {

    /** {@code CWWKZ0003I: The application … updated in … seconds.} */
    private static final String UPDATED = "CWWKZ0003I";
    private static final Duration JCMD_TIMEOUT = Duration.ofSeconds(60);

    /** The WAR's name in the server's {@code apps/}, as server.xml names it. */
    private static final String WAR = "portal-redeploy-it.war";

    /**
     * @param name {@code local} or {@code cluster}
     * @return that server, as the build started it (failsafe's system properties)
     */
    static LibertyServer fromBuild(String name) {
        return new LibertyServer(name, URI.create(System.getProperty("redeploy." + name + ".url")), Path.of(System.getProperty("redeploy." + name + ".server")));
    }

    /**
     * @param text what to look for
     * @return how many lines of messages.log contain it
     */
    long logLines(String text) {
        Path log = directory.resolve("logs/messages.log");
        try {
            return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(line -> line.contains(text)).count() : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "the " + name + " server";
    }

    /**
     * Redeploys the application as a changed WAR would (its modification time moved on), and waits until Liberty says
     * it is updated.
     */
    void redeploy() {
        long updatesBefore = logLines(UPDATED);
        Path war = directory.resolve("apps").resolve(WAR);
        try {
            // Later than the last change, even within the file system's time resolution.
            FileTime later = FileTime.from(Instant.now().plusSeconds(1 + updatesBefore));
            Files.setLastModifiedTime(war, later);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        await("Liberty redeploys " + war.getFileName()).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> logLines(UPDATED) > updatesBefore);
    }

    /** Runs full garbage collections in the server. */
    void collectGarbage() {
        jcmd("GC.run");
    }

    /**
     * How many copies of a class the server has loaded now: one per class loader that loaded it, so one per
     * deployment of the application that is still in memory.
     *
     * @param className the class's binary name
     * @return the number of loaded copies
     */
    long loadedCopies(String className) {
        // VM.class_hierarchy prints its superclasses, then each copy once ("|--name/loader"), then its subclasses (CDI proxies).
        String copy = "|--" + className + "/";
        return jcmd("VM.class_hierarchy", className).lines().filter(line -> line.contains(copy)).count();
    }

    private String jcmd(String... command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        List<String> line = new ArrayList<>(List.of(jcmd.toString(), pid()));
        line.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(JCMD_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("jcmd " + String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** @return the server JVM's process ID, which Liberty writes beside its servers */
    private String pid() {
        Path pidFile = directory.resolveSibling(".pid").resolve(directory.getFileName() + ".pid");
        try {
            return Files.readString(pidFile).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
