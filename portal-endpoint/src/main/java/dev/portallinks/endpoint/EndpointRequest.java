package dev.portallinks.endpoint;

import java.util.Objects;

/**
 * What the endpoint reads of a request: the method, the path below its base, and the headers browsers set for it. Not
 * the customer: that comes from the application's {@link PortalCustomerResolver}, never from the request's own data.
 *
 * @param method the HTTP method, not null
 * @param pathInfo the path below the endpoint's base, starting with {@code /}; null when the base itself was asked for
 * @param secFetchSite the {@code Sec-Fetch-Site} header, or null
 * @param origin the {@code Origin} header, or null
 * @param accept the {@code Accept} header, or null
 * @param ownOrigin the origin the request was sent to as the server sees it, or null when the server cannot tell
 */
record EndpointRequest(String method, String pathInfo, String secFetchSite, String origin, String accept, WebOrigin ownOrigin) {

    EndpointRequest {
        Objects.requireNonNull(method, "method must not be null");
    }
}
