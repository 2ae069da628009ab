package dev.portallinks.observability;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The test application's JAX-RS root: {@code /observed/api}. */
@ApplicationPath("api")
public class ObservedApplication extends Application {
}
