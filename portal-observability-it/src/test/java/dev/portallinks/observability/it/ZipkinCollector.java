package dev.portallinks.observability.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A Zipkin collector in the test JVM, on 127.0.0.1 at the port the build gave the server's exporter
 * ({@code obs.collector.port}): receives Zipkin JSON v2 ({@code POST /api/v2/spans}, gzipped or not), as Liberty's Zipkin
 * exporter sends it, and keeps every span. One for the whole test run, so the exporter never meets a closed port;
 * closed when the run ends.
 */
public final class ZipkinCollector implements BeforeAllCallback {

    /** A span as Zipkin JSON v2 has it. */
    public record ZipkinSpan(String traceId, String id, String parentId, String name, String kind, Map<String, String> tags,
            List<String> annotations) {

        /** @return every text the span carries: name, tag values and annotations */
        public List<String> texts() {
            List<String> texts = new ArrayList<>(tags.values());
            texts.add(name);
            texts.addAll(annotations);
            return texts;
        }
    }

    private static final List<ZipkinSpan> SPANS = new CopyOnWriteArrayList<>();

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(ZipkinCollector.class, key -> start(),
                Running.class);
    }

    /**
     * Returns the spans of one trace received so far.
     *
     * @param traceId the trace, 32 hex digits
     * @return its spans, in the order they arrived
     */
    public static List<ZipkinSpan> trace(String traceId) {
        return SPANS.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    /** @return every span received in this run */
    public static List<ZipkinSpan> all() {
        return List.copyOf(SPANS);
    }

    private static Running start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.getInteger("obs.collector.port")), 0);
            ExecutorService threads = Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "zipkin-collector");
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(threads);
            server.createContext("/api/v2/spans", ZipkinCollector::receive);
            server.start();
            return new Running(server, threads);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Zipkin collector", e);
        }
    }

    private static void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
            if (!"POST".equals(exchange.getRequestMethod()) || !type.startsWith("application/json")) {
                exchange.sendResponseHeaders(415, -1);
                return;
            }
            InputStream body = exchange.getRequestBody();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                body = new GZIPInputStream(body);
            }
            try (JsonReader reader = Json.createReader(body)) {
                reader.readArray().getValuesAs(JsonObject.class).forEach(span -> SPANS.add(span(span)));
            }
            exchange.sendResponseHeaders(202, -1);
        }
    }

    private static ZipkinSpan span(JsonObject span) {
        Map<String, String> tags = new LinkedHashMap<>();
        JsonObject spanTags = span.containsKey("tags") ? span.getJsonObject("tags") : JsonValue.EMPTY_JSON_OBJECT;
        spanTags.forEach((name, value) -> tags.put(name, value instanceof JsonString text ? text.getString() : value.toString()));
        List<String> annotations = span.containsKey("annotations")
                ? span.getJsonArray("annotations").getValuesAs(JsonObject.class).stream().map(a -> a.getString("value", "")).toList()
                : List.of();
        return new ZipkinSpan(span.getString("traceId"), span.getString("id"), span.getString("parentId", null), span.getString("name", ""),
                span.getString("kind", ""), Map.copyOf(tags), annotations);
    }

    private record Running(HttpServer server, ExecutorService threads) implements AutoCloseable {

        @Override
        public void close() {
            server.stop(0);
            threads.shutdownNow();
        }
    }
}
