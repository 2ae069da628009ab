package dev.portallinks.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A forwarding HTTP proxy on 127.0.0.1, as a corporate proxy for plain HTTP: it sends each request in absolute form
 * on to the host it names (loopback only; anything else, a CONNECT included, is refused with 502), adds
 * {@code Via: 1.1 portal-links-test-proxy} as a proxy must (RFC 9110 7.6.3), so the test Paddle can tell that a request
 * came through it, and remembers each request line. A test can make it refuse everything instead
 * ({@link #refuseEverything}), until the next test.
 */
public final class ForwardingProxy extends RefusingProxy {

    /** What the proxy adds to every request it forwards. */
    public static final String VIA = "1.1 portal-links-test-proxy";

    private volatile Refusal refusal;

    private record Refusal(int status, String[] headerLines) {
    }

    /**
     * Creates the proxy.
     *
     * @param port the port to listen on, on 127.0.0.1
     */
    public ForwardingProxy(int port) {
        super(port, 502);
    }

    /**
     * Makes the proxy refuse every request of this test, e.g. with 407 and {@code Proxy-Authenticate}.
     *
     * @param status the status of every answer
     * @param headerLines header lines of every answer
     */
    public void refuseEverything(int status, String... headerLines) {
        refusal = new Refusal(status, headerLines.clone());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        super.beforeEach(context);
        refusal = null;
    }

    @Override
    protected void answer(String requestLine, List<String> headers, InputStream in, OutputStream out) throws IOException {
        Refusal refused = refusal;
        if (refused != null) {
            refuse(out, refused.status(), refused.headerLines());
            return;
        }
        String[] parts = requestLine.split(" ");
        URI target = parts.length == 3 && parts[1].startsWith("http://") ? URI.create(parts[1]) : null;
        if (target == null || !"127.0.0.1".equals(target.getHost()) && !"localhost".equals(target.getHost())) {
            super.answer(requestLine, headers, in, out);
            return;
        }
        try (Socket paddle = new Socket(target.getHost(), target.getPort())) {
            OutputStream toPaddle = paddle.getOutputStream();
            toPaddle.write(originFormHead(parts[0], target, headers).getBytes(StandardCharsets.ISO_8859_1));
            toPaddle.flush();
            // the body in whatever framing the client chose; the answer's end is the end of Paddle's connection
            Thread body = new Thread(() -> pump(in, toPaddle), "forwarding-proxy-body");
            body.setDaemon(true);
            body.start();
            paddle.getInputStream().transferTo(out);
            out.flush();
        }
    }

    /** The request head for the origin server: origin-form target, hop-by-hop headers replaced by {@code Connection: close}. */
    private static String originFormHead(String method, URI target, List<String> headers) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target.getRawPath())
                .append(target.getRawQuery() == null ? "" : "?" + target.getRawQuery()).append(" HTTP/1.1\r\n");
        for (String header : headers) {
            String name = header.substring(0, Math.max(0, header.indexOf(':'))).strip().toLowerCase(Locale.ROOT);
            if (!List.of("connection", "proxy-connection", "keep-alive", "proxy-authorization").contains(name)) {
                head.append(header).append("\r\n");
            }
        }
        return head.append("Via: ").append(VIA).append("\r\nConnection: close\r\n\r\n").toString();
    }

    private static void pump(InputStream from, OutputStream to) {
        try {
            from.transferTo(to);
        } catch (IOException closed) {
            // the exchange ended: both connections close
        }
    }
}
