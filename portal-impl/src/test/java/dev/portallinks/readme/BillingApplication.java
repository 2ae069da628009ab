package dev.portallinks.readme;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The README example's JAX-RS application, under {@code /api}. */
@ApplicationPath("api")
public class BillingApplication extends Application {
}
