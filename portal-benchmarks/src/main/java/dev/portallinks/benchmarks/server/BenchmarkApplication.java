package dev.portallinks.benchmarks.server;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Serves the benchmark endpoints under {@code /bench}. */
@ApplicationPath("bench")
public class BenchmarkApplication extends Application {
}
