package dev.portallinks.observability.it;

import com.google.protobuf.ByteString;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
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
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A trace collector in the test JVM, on 127.0.0.1 at the port the build gave the server's exporter
 * ({@code obs.collector.port}), for the two ways the servers export: Zipkin JSON v2 ({@code POST /api/v2/spans}, Open
 * Liberty's Zipkin exporter) and OTLP/HTTP with protobuf ({@code POST …/v1/traces}, WildFly's and Payara's OTLP
 * exporters), gzipped or not. Both are read into one {@link CollectedSpan}, so the tests assert the same on every server.
 * One for the whole test run, so the exporter never meets a closed port; closed when the run ends.
 */
public final class SpanCollector implements BeforeAllCallback {

    /**
     * A span as the tests see it, whatever the format it came in.
     *
     * @param traceId 32 hex digits
     * @param id 16 hex digits
     * @param parentId the parent's ID, or null for a root span
     * @param name the span's name (Zipkin writes it in lower case)
     * @param kind {@code SERVER}, {@code CLIENT}, {@code INTERNAL}…
     * @param status {@code ERROR}, {@code OK} or {@code UNSET}
     * @param scope the instrumentation scope's name, or null when the exporter did not say
     * @param tags the span's attributes, values as text (not what an exporter adds, such as Zipkin's {@code otel.status_code})
     * @param events the span events, each as {@code name:attributes}
     */
    public record CollectedSpan(String traceId, String id, String parentId, String name, String kind, String status, String scope,
            Map<String, String> tags, List<String> events) {

        /** @return every text the span carries: name, tag values and events */
        public List<String> texts() {
            List<String> texts = new ArrayList<>(tags.values());
            texts.add(name);
            texts.addAll(events);
            return texts;
        }
    }

    // What Zipkin's exporter turns into tags besides the span's attributes: read into CollectedSpan's own fields or dropped.
    private static final String ZIPKIN_STATUS = "otel.status_code";
    private static final String ZIPKIN_SCOPE = "otel.scope.name";
    private static final List<String> ZIPKIN_EXPORTER_TAGS = List.of(ZIPKIN_STATUS, ZIPKIN_SCOPE, "otel.scope.version", "otel.library.name",
            "otel.library.version", "error");

    private static final List<CollectedSpan> SPANS = new CopyOnWriteArrayList<>();

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(SpanCollector.class, key -> start(), Running.class);
    }

    /**
     * Returns the spans of one trace received so far.
     *
     * @param traceId the trace, 32 hex digits
     * @return its spans, in the order they arrived
     */
    public static List<CollectedSpan> trace(String traceId) {
        return SPANS.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    /** @return every span received in this run */
    public static List<CollectedSpan> all() {
        return List.copyOf(SPANS);
    }

    private static Running start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.getInteger("obs.collector.port")), 0);
            ExecutorService threads = Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "span-collector");
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(threads);
            server.createContext("/", SpanCollector::receive);
            server.start();
            return new Running(server, threads);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the span collector", e);
        }
    }

    private static void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            InputStream body = exchange.getRequestBody();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                body = new GZIPInputStream(body);
            }
            if (path.equals("/api/v2/spans") && type.startsWith("application/json")) {
                try (JsonReader reader = Json.createReader(body)) {
                    reader.readArray().getValuesAs(JsonObject.class).forEach(span -> SPANS.add(zipkin(span)));
                }
                exchange.sendResponseHeaders(202, -1);
            } else if (path.endsWith("/v1/traces") && type.startsWith("application/x-protobuf")) {
                otlp(ExportTraceServiceRequest.parseFrom(body));
                // An empty ExportTraceServiceResponse: every span accepted.
                exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, -1);
            } else {
                exchange.sendResponseHeaders(415, -1);
            }
        }
    }

    private static CollectedSpan zipkin(JsonObject span) {
        Map<String, String> tags = new LinkedHashMap<>();
        JsonObject spanTags = span.containsKey("tags") ? span.getJsonObject("tags") : JsonValue.EMPTY_JSON_OBJECT;
        spanTags.forEach((name, value) -> tags.put(name, value instanceof JsonString text ? text.getString() : value.toString()));
        String status = tags.getOrDefault(ZIPKIN_STATUS, "UNSET");
        String scope = tags.get(ZIPKIN_SCOPE);
        ZIPKIN_EXPORTER_TAGS.forEach(tags::remove);
        List<String> annotations = span.containsKey("annotations")
                ? span.getJsonArray("annotations").getValuesAs(JsonObject.class).stream().map(a -> a.getString("value", "")).toList()
                : List.of();
        return new CollectedSpan(span.getString("traceId"), span.getString("id"), span.getString("parentId", null), span.getString("name", ""),
                span.getString("kind", ""), status, scope, Map.copyOf(tags), annotations);
    }

    private static void otlp(ExportTraceServiceRequest request) {
        for (ResourceSpans resource : request.getResourceSpansList()) {
            for (ScopeSpans scope : resource.getScopeSpansList()) {
                for (Span span : scope.getSpansList()) {
                    List<String> events = span.getEventsList().stream().map(event -> event.getName() + ":" + text(event.getAttributesList())).toList();
                    SPANS.add(new CollectedSpan(hex(span.getTraceId()), hex(span.getSpanId()), span.getParentSpanId().isEmpty() ? null : hex(span.getParentSpanId()),
                            span.getName(), span.getKind().name().substring("SPAN_KIND_".length()), status(span.getStatus()), scope.getScope().getName(),
                            attributes(span.getAttributesList()), events));
                }
            }
        }
    }

    private static String status(Status status) {
        return status.getCode().name().substring("STATUS_CODE_".length());
    }

    private static Map<String, String> attributes(List<KeyValue> attributes) {
        Map<String, String> tags = new LinkedHashMap<>();
        attributes.forEach(attribute -> tags.put(attribute.getKey(), text(attribute.getValue())));
        return Map.copyOf(tags);
    }

    private static String text(List<KeyValue> attributes) {
        return attributes.stream().map(attribute -> attribute.getKey() + "=" + text(attribute.getValue())).collect(Collectors.joining(",", "{", "}"));
    }

    private static String text(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case INT_VALUE -> Long.toString(value.getIntValue());
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
            case ARRAY_VALUE -> value.getArrayValue().getValuesList().stream().map(SpanCollector::text).collect(Collectors.joining(",", "[", "]"));
            case KVLIST_VALUE -> text(value.getKvlistValue().getValuesList());
            case BYTES_VALUE -> hex(value.getBytesValue());
            default -> "";
        };
    }

    private static String hex(ByteString bytes) {
        return HexFormat.of().formatHex(bytes.toByteArray()).toLowerCase(Locale.ROOT);
    }

    private record Running(HttpServer server, ExecutorService threads) implements AutoCloseable {

        @Override
        public void close() {
            server.stop(0);
            threads.shutdownNow();
        }
    }
}
