package dev.portallinks.api;

/**
 * The library is not configured correctly: a missing or malformed API key, a key for the other Paddle
 * environment, an invalid URL. The message names the MicroProfile Config property (and its environment
 * variable) to fix; it never contains the key itself.
 */
public final class PortalConfigurationException extends PortalLinkException {

    private static final long serialVersionUID = 1L;

    private final String property;

    /**
     * Creates the exception.
     *
     * @param property the MicroProfile Config property that is wrong, not null
     * @param problem what is wrong and how to fix it, not null
     */
    public PortalConfigurationException(String property, String problem) {
        super("Invalid configuration of " + property + ": " + problem, null, null);
        this.property = property;
    }

    /** @return the MicroProfile Config property that is wrong, e.g. {@code paddle.api-key}; never null */
    public String property() {
        return property;
    }

    /**
     * {@inheritDoc}
     *
     * @return {@link PortalLinkRefused.Reason#CONFIGURATION}
     */
    @Override
    public PortalLinkRefused.Reason refusalReason() {
        return PortalLinkRefused.Reason.CONFIGURATION;
    }
}
