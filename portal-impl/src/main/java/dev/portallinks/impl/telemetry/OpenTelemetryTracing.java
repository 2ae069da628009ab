package dev.portallinks.impl.telemetry;

import dev.portallinks.api.PaddleOperation;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;

/**
 * Spans through the OpenTelemetry API of MicroProfile Telemetry: one span of kind CLIENT per logical Paddle call,
 * named {@code Paddle createPortalSession} or {@code Paddle listSubscriptions}, a child of the caller's current span
 * and current itself while the call runs, so the server's own span of each HTTP request (Rest Client instrumentation)
 * is its child. One span event {@value #ATTEMPT_EVENT} per attempt.
 *
 * <p>Attributes: {@code paddle.operation}, {@code paddle.attempts}, {@code paddle.outcome} ({@link PaddleCallOutcome}),
 * and from the last answer {@code http.response.status_code} and {@code paddle.request_id}; on failure
 * {@code error.type} (the API exception's class) and the status ERROR. Never the key, a token, a link, a URL, an
 * error message or the customer: spans often go to backends more people can read than the audit log.
 */
public final class OpenTelemetryTracing implements Tracing {

    /** The instrumentation scope's name. */
    public static final String SCOPE = "dev.portallinks";
    /** The name of the span event recorded per attempt. */
    public static final String ATTEMPT_EVENT = "paddle.attempt";

    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("paddle.operation");
    static final AttributeKey<Long> ATTEMPTS = AttributeKey.longKey("paddle.attempts");
    static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("paddle.attempt");
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("paddle.outcome");
    static final AttributeKey<Boolean> RETRYABLE = AttributeKey.booleanKey("paddle.retryable");
    static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("paddle.request_id");
    static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

    private static final PaddleOperation[] OPERATIONS = PaddleOperation.values();

    private final Tracer tracer;
    private final String[] spanNames = new String[OPERATIONS.length];

    private OpenTelemetryTracing(Tracer tracer) {
        this.tracer = tracer;
        for (PaddleOperation operation : OPERATIONS) {
            spanNames[operation.ordinal()] = "Paddle " + Tracing.operationName(operation);
        }
    }

    /**
     * Creates the tracing when the server records spans.
     *
     * @param openTelemetry the application's {@code io.opentelemetry.api.OpenTelemetry} (from CDI)
     * @param version the library's version, for the instrumentation scope
     * @return the tracing, or null when the OpenTelemetry SDK is off (its spans would be no-ops)
     */
    public static Tracing create(Object openTelemetry, String version) {
        Tracer tracer = ((OpenTelemetry) openTelemetry).tracerBuilder(SCOPE).setInstrumentationVersion(version).build();
        // A disabled SDK hands out spans without IDs. The probe is never ended, so it is never exported.
        Span probe = tracer.spanBuilder("portal-links probe").setNoParent().startSpan();
        return probe.getSpanContext().isValid() ? new OpenTelemetryTracing(tracer) : null;
    }

    @Override
    public CallTrace start(PaddleOperation operation) {
        Span span = tracer.spanBuilder(spanNames[operation.ordinal()]).setSpanKind(SpanKind.CLIENT)
                .setAttribute(OPERATION, Tracing.operationName(operation)).startSpan();
        return new Call(span, span.makeCurrent());
    }

    @Override
    public boolean records() {
        return true;
    }

    private static final class Call implements CallTrace {

        private final Span span;
        private final Scope scope;
        private volatile int lastStatus;
        private volatile String lastRequestId;

        Call(Span span, Scope scope) {
            this.span = span;
            this.scope = scope;
        }

        @Override
        public void answered(int attempt, int httpStatus, String requestId) {
            event(attempt, httpStatus, requestId, PaddleCallOutcome.SUCCEEDED, false);
        }

        @Override
        public void failed(int attempt, int httpStatus, String requestId, PaddleCallOutcome outcome, boolean retryable) {
            event(attempt, httpStatus, requestId, outcome, retryable);
        }

        private void event(int attempt, int httpStatus, String requestId, PaddleCallOutcome outcome, boolean retryable) {
            AttributesBuilder attributes = Attributes.builder().put(ATTEMPT, attempt).put(OUTCOME, outcome.tag());
            if (outcome != PaddleCallOutcome.SUCCEEDED) {
                attributes.put(RETRYABLE, retryable);
            }
            if (httpStatus > 0) {
                attributes.put(STATUS, httpStatus);
            }
            if (requestId != null) {
                attributes.put(REQUEST_ID, requestId);
            }
            span.addEvent(ATTEMPT_EVENT, attributes.build());
            lastStatus = httpStatus;
            lastRequestId = requestId;
        }

        @Override
        public void end(int attempts, RuntimeException failure) {
            try {
                PaddleCallOutcome outcome = PaddleCallOutcome.of(failure);
                span.setAttribute(ATTEMPTS, attempts).setAttribute(OUTCOME, outcome.tag());
                int status = lastStatus;
                String requestId = lastRequestId;
                if (attempts > 0 && status > 0) {
                    span.setAttribute(STATUS, status);
                }
                if (attempts > 0 && requestId != null) {
                    span.setAttribute(REQUEST_ID, requestId);
                }
                if (failure != null) {
                    // The class, not the message: the type says what failed and can never carry a secret.
                    span.setAttribute(ERROR_TYPE, failure.getClass().getName()).setStatus(StatusCode.ERROR, outcome.tag());
                }
            } finally {
                scope.close();
                span.end();
            }
        }
    }
}
