package dev.portallinks.cluster;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The cluster test application's JAX-RS root: {@code /cluster/api}. */
@ApplicationPath("api")
public class ClusterApplication extends Application {
}
