package dev.portallinks.api;

/** Where a portal link was asked for: the part of the library that handed it out or refused it. */
public enum PortalEntryPoint {

    /** {@link PortalLinkService#link} called by the application. */
    SERVICE,

    /** A click on a Faces component ({@code <pl:billingButtons>}, {@code <pl:portalButton>}). */
    FACES,

    /** A request to the redirect endpoint for REST and single-page front ends. */
    ENDPOINT
}
