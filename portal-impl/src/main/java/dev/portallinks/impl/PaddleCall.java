package dev.portallinks.impl;

import dev.portallinks.api.PaddleOperation;
import java.util.concurrent.atomic.AtomicInteger;

/** One logical call to Paddle across its retries: counts the attempts so errors and logs can report them. */
final class PaddleCall {

    private final PaddleOperation operation;
    private final AtomicInteger attempts = new AtomicInteger();
    private final long startedNanos = System.nanoTime();

    PaddleCall(PaddleOperation operation) {
        this.operation = operation;
    }

    PaddleOperation operation() {
        return operation;
    }

    int nextAttempt() {
        return attempts.incrementAndGet();
    }

    int attempts() {
        return attempts.get();
    }

    long elapsedMillis() {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
