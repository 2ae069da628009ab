package dev.portallinks.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An HTTP proxy on 127.0.0.1 that refuses every request, the CONNECT of a TLS tunnel included, with one status
 * (e.g. 502 when it cannot reach Paddle), and remembers each request line. WireMock cannot answer a CONNECT itself,
 * so this is a plain socket server; register it as a static {@code @RegisterExtension} field.
 */
public final class RefusingProxy implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private final int port;
    private final int status;
    private final List<String> requestLines = new CopyOnWriteArrayList<>();
    private ServerSocket server;

    /**
     * Creates the proxy.
     *
     * @param port the port to listen on, on 127.0.0.1
     * @param status the status of every answer
     */
    public RefusingProxy(int port, int status) {
        this.port = port;
        this.status = status;
    }

    /** @return the request lines received since the test began, e.g. {@code CONNECT 127.0.0.1:8443 HTTP/1.1} */
    public List<String> requestLines() {
        return List.copyOf(requestLines);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::serve, "refusing-proxy-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        requestLines.clear();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket client = server.accept()) {
                BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
                String requestLine = in.readLine();
                for (String header = requestLine; header != null && !header.isEmpty(); header = in.readLine()) {
                    // read the head to its end; a request body, if any, is not read: the answer closes the connection
                }
                if (requestLine != null) {
                    requestLines.add(requestLine);
                }
                OutputStream out = client.getOutputStream();
                out.write(("HTTP/1.1 " + status + " Refused by the test proxy\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException closedOrBroken) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
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
