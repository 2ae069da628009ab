package dev.portallinks.api;

import java.net.URI;
import java.util.Objects;

/**
 * What {@link PortalLinkService#handOut} handed out for one request: a fresh portal link, or the fallback that stood in
 * for a failure that allows one. A failure that allows none is thrown instead. Either way the service has fired the one
 * audit event of the request and logged what failed; the entry point only sends the customer on.
 */
public sealed interface PortalLinkResult permits PortalLinkResult.Link, PortalLinkResult.Fallback {

    /**
     * A fresh, checked link of a new portal session. It carries a sign-in token: redirect to it, never store or log it.
     *
     * @param uri the link, not null
     */
    record Link(URI uri) implements PortalLinkResult {

        /**
         * Validates the link.
         *
         * @throws NullPointerException if the URI is null
         */
        public Link {
            Objects.requireNonNull(uri, "uri must not be null");
        }

        /** @return a text without the link's token */
        @Override
        public String toString() {
            return "Link[" + Secrets.redact(uri) + "]";
        }
    }

    /**
     * No link could be had, and the fallback stands in: the request's own, else {@code paddle.portal.fallback-url}.
     *
     * @param target the fallback as the request or the configuration gave it, not null
     * @param cause why no link could be had, not null
     */
    record Fallback(String target, PortalLinkException cause) implements PortalLinkResult {

        /**
         * Validates the fallback.
         *
         * @throws NullPointerException naming the missing field
         */
        public Fallback {
            Objects.requireNonNull(target, "target must not be null");
            Objects.requireNonNull(cause, "cause must not be null");
        }
    }
}
