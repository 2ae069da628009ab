package dev.portallinks.impl;

import dev.portallinks.api.PaddleOperation;
import dev.portallinks.impl.telemetry.CallTrace;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One logical call to Paddle across its retries: counts the attempts so errors and logs can report them, and carries
 * the call's trace ({@link PortalTelemetry}).
 */
final class PaddleCall {

    private final PaddleOperation operation;
    private final CallTrace trace;
    private final AtomicInteger attempts = new AtomicInteger();
    private final long startedNanos = System.nanoTime();

    PaddleCall(PaddleOperation operation, CallTrace trace) {
        this.operation = operation;
        this.trace = trace;
    }

    PaddleOperation operation() {
        return operation;
    }

    CallTrace trace() {
        return trace;
    }

    int nextAttempt() {
        return attempts.incrementAndGet();
    }

    int attempts() {
        return attempts.get();
    }

    long elapsedNanos() {
        return System.nanoTime() - startedNanos;
    }

    long elapsedMillis() {
        return elapsedNanos() / 1_000_000;
    }
}
