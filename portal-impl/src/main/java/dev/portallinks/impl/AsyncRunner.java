package dev.portallinks.impl;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.Asynchronous;

/**
 * Runs work on the server's managed Fault Tolerance threads. A bean of its own so the {@code @Asynchronous}
 * interceptor applies (a call from inside the same bean would bypass it).
 */
@ApplicationScoped
public class AsyncRunner {

    /**
     * Runs the work on another thread.
     *
     * @param <T> the result type
     * @param work the work; what it throws completes the stage exceptionally
     * @return the stage, completed when the work ends
     */
    @Asynchronous
    public <T> CompletionStage<T> supply(Supplier<T> work) {
        return CompletableFuture.completedFuture(work.get());
    }
}
