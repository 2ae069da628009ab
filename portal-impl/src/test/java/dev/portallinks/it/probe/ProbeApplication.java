package dev.portallinks.it.probe;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The probe's JAX-RS application in the test WAR. */
@ApplicationPath("probe")
public class ProbeApplication extends Application {
}
