package dev.portallinks.benchmarks.driver;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Baseline (c): Paddle's Node SDK, driven by {@code paddle-sdk-baseline.mjs} (installed by {@code npm ci} from the
 * module's package-lock.json), one process for the whole run, one JSON line per round.
 */
final class NodeSdkBaseline implements AutoCloseable {

    private final Process process;
    private final Writer toNode;
    private final BufferedReader fromNode;

    NodeSdkBaseline(Path nodeDirectory, String stubOrigin) throws IOException {
        if (!Files.isDirectory(nodeDirectory.resolve("node_modules/@paddle/paddle-node-sdk"))) {
            throw new IllegalStateException("the Node SDK is not installed in " + nodeDirectory + " (the build runs npm ci there)");
        }
        process = new ProcessBuilder("node", "paddle-sdk-baseline.mjs", stubOrigin).directory(nodeDirectory.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        toNode = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        fromNode = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** @return the Node process's pid */
    long pid() {
        return process.pid();
    }

    /** Runs one bounded round in the Node process. */
    JsonObject round(int subscriptions, int concurrency, long maxCalls, long maxMillis) throws IOException, InterruptedException {
        toNode.write("{\"subscriptions\":" + subscriptions + ",\"concurrency\":" + concurrency + ",\"maxCalls\":" + maxCalls + ",\"maxMillis\":"
                + maxMillis + "}\n");
        toNode.flush();
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return fromNode.readLine();
            } catch (IOException failure) {
                throw new IllegalStateException(failure);
            }
        });
        try {
            String answer = line.get(maxMillis + 60_000, TimeUnit.MILLISECONDS);
            if (answer == null) {
                throw new IllegalStateException("the Node SDK baseline ended");
            }
            try (JsonReader reader = Json.createReader(new StringReader(answer))) {
                return reader.readObject();
            }
        } catch (java.util.concurrent.ExecutionException | TimeoutException failure) {
            throw new IllegalStateException("the Node SDK baseline did not answer", failure);
        }
    }

    static String sdkVersion(Path nodeDirectory) {
        try (JsonReader reader = Json.createReader(Files.newBufferedReader(nodeDirectory.resolve("node_modules/@paddle/paddle-node-sdk/package.json")))) {
            return reader.readObject().getString("version");
        } catch (IOException | RuntimeException unknown) {
            return "unknown";
        }
    }

    @Override
    public void close() throws InterruptedException {
        try {
            toNode.close();
        } catch (IOException ignored) {
            // ending anyway
        }
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroy();
        }
    }
}
