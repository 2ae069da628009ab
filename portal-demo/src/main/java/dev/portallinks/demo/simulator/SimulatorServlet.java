package dev.portallinks.demo.simulator;

import dev.portallinks.test.SimulatorExchange;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hands every request to {@code /simulator/…} (but {@code /simulator/admin}) to the embedded simulator. */
@WebServlet("/simulator/*")
public class SimulatorServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient DemoPaddle paddle;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        paddle.serve(new ServletExchange(request, response));
    }

    /** One request, as the simulator's core reads it. */
    private static final class ServletExchange implements SimulatorExchange {

        private final HttpServletRequest request;
        private final HttpServletResponse response;

        ServletExchange(HttpServletRequest request, HttpServletResponse response) {
            this.request = request;
            this.response = response;
        }

        @Override
        public URI base() {
            String url = request.getRequestURL().toString();
            String mountedAt = request.getContextPath() + request.getServletPath();
            return URI.create(url.substring(0, url.indexOf(request.getRequestURI())) + mountedAt);
        }

        @Override
        public String method() {
            return request.getMethod();
        }

        @Override
        public String path() {
            return request.getRequestURI().substring((request.getContextPath() + request.getServletPath()).length());
        }

        @Override
        public String rawQuery() {
            return request.getQueryString();
        }

        @Override
        public Map<String, List<String>> headers() {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (String name : Collections.list(request.getHeaderNames())) {
                headers.put(name, Collections.list(request.getHeaders(name)));
            }
            return headers;
        }

        @Override
        public byte[] body() throws IOException {
            return request.getInputStream().readAllBytes();
        }

        @Override
        public void respond(int status, Map<String, String> headers, byte[] body) throws IOException {
            response.setStatus(status);
            headers.forEach(response::setHeader);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }
}
