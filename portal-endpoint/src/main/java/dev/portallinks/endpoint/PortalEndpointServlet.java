package dev.portallinks.endpoint;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The endpoint on the servlet API: reads the request's method, path and browser headers, lets {@link PortalEndpoint}
 * decide, and writes its answer. Every method comes here (not only POST), so that a GET gets the endpoint's own 405.
 * Registered by {@link PortalEndpointInitializer} at the configured path.
 */
final class PortalEndpointServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient PortalEndpoint endpoint;

    PortalEndpointServlet(PortalEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        EndpointRequest read = new EndpointRequest(request.getMethod(), request.getPathInfo(), request.getHeader("Sec-Fetch-Site"),
                request.getHeader("Origin"), request.getHeader("Accept"), ownOrigin(request));
        write(endpoint.handle(read, () -> CdiBeans.currentCustomer(request)), response);
    }

    /** @return the origin the request was sent to, as the server sees it (behind a proxy, the proxy's view), or null */
    private static WebOrigin ownOrigin(HttpServletRequest request) {
        try {
            return new WebOrigin(request.getScheme(), request.getServerName(), request.getServerPort());
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return null;   // then only Sec-Fetch-Site or an allowed origin can pass the cross-site check
        }
    }

    private static void write(EndpointResponse answer, HttpServletResponse response) throws IOException {
        response.setStatus(answer.status());
        answer.headers().forEach(response::setHeader);
        if (answer.contentType() == null) {
            response.setContentLength(0);
            return;
        }
        // Bytes, not a writer: JSON is UTF-8 by definition and takes no charset parameter.
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        response.setContentType(answer.contentType());
        response.setContentLength(body.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(body);
        }
    }
}
