package dev.portallinks.test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny receiver of notifications for the tests, on 127.0.0.1: records what each POST brought, byte for byte, and
 * answers with the status the test chose (200 by default).
 */
final class NotificationReceiver implements AutoCloseable {

    /** What one request brought. */
    record Received(String method, String contentType, String signature, byte[] body) {

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int status = 200;

    NotificationReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        server.createContext("/paddle/webhooks", this::receive);
        server.start();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Paddle-Signature"), body.readAllBytes()));
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    /** @return where it listens: {@code http://127.0.0.1:<port>/paddle/webhooks} */
    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/paddle/webhooks");
    }

    /** @return what arrived, oldest first */
    List<Received> received() {
        return List.copyOf(received);
    }

    /** @param answered the status to answer from now on */
    void answer(int answered) {
        this.status = answered;
    }

    /** Forgets what arrived and answers 200 again. */
    void clear() {
        received.clear();
        status = 200;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
