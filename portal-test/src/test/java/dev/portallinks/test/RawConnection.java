package dev.portallinks.test;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One TCP (or TLS) connection to a simulator, written and read byte for byte: what an HTTP client library would hide
 * (which connection a request goes on, when the server closes it, how many bytes of an answer arrived).
 */
final class RawConnection implements AutoCloseable {

    /** An answer as read. */
    record Answer(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawConnection(Socket socket) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(10_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /** Opens a plain or, for an HTTPS simulator, a TLS connection trusting its certificate. */
    static RawConnection to(PaddleSimulator paddle) throws IOException {
        int port = paddle.baseUrl().getPort();
        boolean tls = "https".equals(paddle.baseUrl().getScheme());
        return new RawConnection(tls ? paddle.clientSslContext().getSocketFactory().createSocket("127.0.0.1", port) : new Socket("127.0.0.1", port));
    }

    /** @return the request text of a session for the customer, with this body and any extra header lines */
    static String sessionRequest(PaddleSimulator paddle, String customer, String body, String... extraHeaders) {
        StringBuilder request = new StringBuilder("POST /customers/" + customer + "/portal-sessions HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                .append("Authorization: Bearer ").append(paddle.apiKey()).append("\r\nContent-Type: application/json\r\n");
        for (String header : extraHeaders) {
            request.append(header).append("\r\n");
        }
        return request.append("Content-Length: ").append(body.getBytes(StandardCharsets.UTF_8).length).append("\r\n\r\n").append(body).toString();
    }

    RawConnection send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
        return this;
    }

    /** Reads the status line and headers only. */
    Answer readHead() throws IOException {
        String statusLine = readLine();
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        return new Answer(Integer.parseInt(statusLine.split(" ")[1]), headers, "");
    }

    /** Reads one whole answer, its body by {@code Content-Length}. */
    Answer readAnswer() throws IOException {
        Answer head = readHead();
        String length = head.header("content-length");
        byte[] body = in.readNBytes(length == null ? 0 : Integer.parseInt(length));
        return new Answer(head.status(), head.headers(), new String(body, StandardCharsets.UTF_8));
    }

    /** @return every byte until the server closes the connection */
    byte[] readToEnd() throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toByteArray();
    }

    /**
     * Waits for the server to close the connection, discarding what it sends meanwhile.
     *
     * @return true when it closed within the time, false when it was still open
     */
    boolean closedWithin(Duration time) throws IOException {
        socket.setSoTimeout((int) time.toMillis());
        try {
            while (in.read() >= 0) {
                // not an end yet
            }
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            // a reset also ends the connection
            return true;
        } finally {
            socket.setSoTimeout(10_000);
        }
    }

    /** @return true when the server sent nothing and kept the connection open for that long */
    boolean silentFor(Duration time) throws IOException {
        socket.setSoTimeout((int) time.toMillis());
        try {
            // a byte or the end of the stream: not silent
            in.read();
            return false;
        } catch (SocketTimeoutException silent) {
            return true;
        } finally {
            socket.setSoTimeout(10_000);
        }
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("the connection closed after \"" + line + "\"");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
