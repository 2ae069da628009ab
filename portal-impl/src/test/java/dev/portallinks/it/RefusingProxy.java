package dev.portallinks.it;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An HTTP proxy on 127.0.0.1 that refuses every request, the CONNECT of a TLS tunnel included, with one status
 * (e.g. 502 when it cannot reach Paddle), and remembers each request line. A plain socket server, one thread per
 * connection; register it as a static {@code @RegisterExtension} field. {@link ForwardingProxy} forwards instead.
 */
public class RefusingProxy implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private final int port;
    private final int status;
    private final String[] headerLines;
    private final List<String> requestLines = new CopyOnWriteArrayList<>();
    private ServerSocket server;

    /**
     * Creates the proxy.
     *
     * @param port the port to listen on, on 127.0.0.1
     * @param status the status of every answer
     * @param headerLines header lines of every answer, e.g. {@code Proxy-Authenticate: Basic realm="corporate"}
     */
    public RefusingProxy(int port, int status, String... headerLines) {
        this.port = port;
        this.status = status;
        this.headerLines = headerLines.clone();
    }

    /** @return the request lines received since the test began, e.g. {@code CONNECT 127.0.0.1:8443 HTTP/1.1} */
    public List<String> requestLines() {
        return List.copyOf(requestLines);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        daemon("proxy-" + port, this::serve);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        requestLines.clear();
    }

    private static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void serve() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                daemon("proxy-" + port + "-connection", () -> handle(client));
            } catch (IOException closedOrBroken) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    /** Reads one request head, remembers its request line and answers it; one request per connection. */
    private void handle(Socket client) {
        try (client) {
            InputStream in = new BufferedInputStream(client.getInputStream());
            String requestLine = readLine(in);
            List<String> headers = new ArrayList<>();
            for (String header = readLine(in); header != null && !header.isEmpty(); header = readLine(in)) {
                headers.add(header);
            }
            if (requestLine != null) {
                requestLines.add(requestLine);
                answer(requestLine, headers, in, client.getOutputStream());
            }
        } catch (IOException closedOrBroken) {
            // the client or the server went away: nothing left to answer
        }
    }

    /**
     * Answers a request whose head was read; the connection closes afterwards. Refuses it here.
     *
     * @param requestLine the request line, e.g. {@code POST http://127.0.0.1:8080/customers/… HTTP/1.1}
     * @param headers the header lines as received
     * @param in the rest of the request (its body, if any, unread)
     * @param out to the client
     * @throws IOException when the client went away
     */
    protected void answer(String requestLine, List<String> headers, InputStream in, OutputStream out) throws IOException {
        refuse(out, status, headerLines);
    }

    /**
     * Answers with a status and no body, and announces that the connection closes.
     *
     * @param out to the client
     * @param status the status
     * @param headerLines extra header lines
     * @throws IOException when the client went away
     */
    protected static void refuse(OutputStream out, int status, String... headerLines) throws IOException {
        StringBuilder answer = new StringBuilder("HTTP/1.1 ").append(status).append(" Refused by the test proxy\r\n");
        for (String header : headerLines) {
            answer.append(header).append("\r\n");
        }
        out.write(answer.append("Content-Length: 0\r\nConnection: close\r\n\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** @return a line of the request head without its line end, or null at the end of the stream */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
            }
            if (c != '\r') {
                line.write(c);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
