package dev.portallinks.test;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * The simulator's own HTTP/1.1 server on 127.0.0.1: blocking sockets, one daemon thread per connection, keep-alive,
 * {@code Content-Length} and chunked request bodies, {@code Expect: 100-continue}, optionally TLS (also requiring a
 * client certificate). It can do what a general-purpose server hides: close or reset a connection after reading a
 * request, cut an answer halfway, hold a request until the client gives up, and close keep-alive connections that
 * stay idle. It counts connections and requests and
 * measures the CPU time of its own threads, so a benchmark can tell what the simulator costs.
 */
final class SimulatorServer implements AutoCloseable {

    /** Answers one request. When it returns without answering, the server closes the connection. */
    interface Handler {
        void handle(Exchange exchange) throws IOException;
    }

    private static final Logger LOG = Logger.getLogger(SimulatorServer.class.getName());
    private static final int BACKLOG = 1024;
    private static final int MAX_HEAD_LINE = 16 * 1024;
    private static final int MAX_HEADERS = 200;
    private static final int MAX_BODY = 1 << 20;
    /** How long {@link #close()} waits for the server's threads to end. */
    private static final long CLOSE_WAIT_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

    private static final int IDLE = 0;
    private static final int BUSY = 1;
    private static final int CLOSED = 2;

    private final ServerSocket listener;
    private final URI base;
    private final Handler handler;
    private final Set<Connection> live = ConcurrentHashMap.newKeySet();
    private final AtomicLong connectionsOpened = new AtomicLong();
    private final AtomicLong requestsRead = new AtomicLong();
    private final AtomicLong clientCertificatesVerified = new AtomicLong();
    private final boolean needsClientCertificate;
    private final AtomicInteger threadNumber = new AtomicInteger();
    private final Thread acceptor;
    private final Thread idleCloser;
    private volatile long idleLimitNanos;
    private volatile boolean closed;

    /** Guards the last request numbers of the closed connections, and moving a connection from {@link #live} to them. */
    private final Object usageLock = new Object();
    private long[] closedLastRequests = new long[64];
    private int closedCount;

    /** Guards the CPU account: the threads running and the CPU time of those that ended. */
    private final Object cpuLock = new Object();
    private final ThreadMXBean threadBean = ManagementFactory.getThreadMXBean();
    private final Set<Thread> running = new HashSet<>();
    private long finishedCpuNanos;

    /**
     * Listens on 127.0.0.1.
     *
     * @param port the port; 0 for a free one
     * @param tls the server's TLS settings, or null for plain HTTP
     * @param idleLimit close keep-alive connections idle this long; null keeps them open
     * @param handler answers the requests
     */
    SimulatorServer(int port, ServerTls tls, Duration idleLimit, Handler handler) {
        this.handler = handler;
        this.needsClientCertificate = tls != null && tls.needsClientCertificate();
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try {
            if (tls == null) {
                listener = new ServerSocket(port, BACKLOG, loopback);
            } else {
                SSLServerSocket secure = (SSLServerSocket) tls.context().getServerSocketFactory().createServerSocket(port, BACKLOG, loopback);
                secure.setNeedClientAuth(needsClientCertificate);
                listener = secure;
            }
        } catch (IOException failed) {
            throw new UncheckedIOException("The Paddle simulator could not listen on 127.0.0.1:" + port, failed);
        }
        base = URI.create((tls == null ? "http" : "https") + "://127.0.0.1:" + listener.getLocalPort());
        closeIdleConnectionsAfter(idleLimit);
        acceptor = startThread("paddle-simulator-acceptor", this::accept);
        idleCloser = startThread("paddle-simulator-idle-closer", this::closeIdleConnections);
    }

    /** @return {@code http://127.0.0.1:<port>} or {@code https://…} */
    URI base() {
        return base;
    }

    /** @param idle close keep-alive connections idle this long, from now on and also those idle already; null keeps them open */
    void closeIdleConnectionsAfter(Duration idle) {
        if (idle != null && (idle.isNegative() || idle.isZero())) {
            throw new IllegalArgumentException("the idle time must be positive, not " + idle);
        }
        idleLimitNanos = idle == null ? 0 : idle.toNanos();
        if (idleCloser != null) {
            LockSupport.unpark(idleCloser);
        }
    }

    /** @return the connections accepted since the start */
    long connectionsOpened() {
        return connectionsOpened.get();
    }

    /** @return the connections open now */
    int openConnections() {
        return live.size();
    }

    /** @return the TLS connections whose client presented a certificate the client trust store trusts, since the start */
    long clientCertificatesVerified() {
        return clientCertificatesVerified.get();
    }

    /** @return the requests read since the start; also the number of the latest one */
    long requestsRead() {
        return requestsRead.get();
    }

    /**
     * @param request a request number, from {@link #requestsRead()}
     * @return how many distinct connections, open or closed since, carried a request after that one
     */
    long connectionsUsedAfter(long request) {
        synchronized (usageLock) {
            long used = 0;
            for (int i = 0; i < closedCount; i++) {
                if (closedLastRequests[i] > request) {
                    used++;
                }
            }
            for (Connection connection : live) {
                if (connection.lastRequest > request) {
                    used++;
                }
            }
            return used;
        }
    }

    /** @return the CPU time of the server's threads, running and ended, in nanoseconds; 0 where the JVM does not measure it */
    long cpuNanos() {
        if (!threadBean.isThreadCpuTimeSupported()) {
            return 0;
        }
        synchronized (cpuLock) {
            long total = finishedCpuNanos;
            for (Thread thread : running) {
                total += Math.max(0, threadBean.getThreadCpuTime(thread.getId()));
            }
            return total;
        }
    }

    /** Stops listening and closes every connection (answers held by a hang end); waits briefly for the threads to end. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        for (Connection connection : live) {
            connection.close();
        }
        LockSupport.unpark(idleCloser);
        long deadline = System.nanoTime() + CLOSE_WAIT_NANOS;
        List<Thread> threads;
        synchronized (cpuLock) {
            threads = List.copyOf(running);
        }
        for (Thread thread : threads) {
            if (thread == Thread.currentThread()) {
                // closed from a request it answers: that thread ends when it returns
                continue;
            }
            try {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    // --------------------------------------------------------------------------------------------- Threads

    /** Starts a daemon thread whose CPU time counts in {@link #cpuNanos()}, also after it ended. */
    private Thread startThread(String name, Runnable task) {
        Thread thread = new Thread(() -> {
            try {
                task.run();
            } finally {
                synchronized (cpuLock) {
                    if (threadBean.isThreadCpuTimeSupported()) {
                        finishedCpuNanos += Math.max(0, threadBean.getCurrentThreadCpuTime());
                    }
                    running.remove(Thread.currentThread());
                }
            }
        }, name);
        thread.setDaemon(true);
        synchronized (cpuLock) {
            running.add(thread);
        }
        thread.start();
        return thread;
    }

    private void accept() {
        while (!closed) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException failure) {
                if (!closed) {
                    LOG.log(Level.FINE, "The Paddle simulator could not accept a connection", failure);
                    // e.g. out of file descriptors: try again a little later rather than spin
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
                }
                continue;
            }
            Connection connection = new Connection(socket, connectionsOpened.incrementAndGet());
            live.add(connection);
            if (closed) {
                connection.close();
                live.remove(connection);
                continue;
            }
            startThread("paddle-simulator-" + threadNumber.incrementAndGet(), connection::run);
        }
    }

    /**
     * Closes the connections idle longer than the limit. It sleeps until the earliest idle connection is due, and never
     * longer than the limit: a connection that becomes idle later is due later than that.
     */
    private void closeIdleConnections() {
        while (!closed) {
            long limit = idleLimitNanos;
            if (limit == 0) {
                LockSupport.park(this);
                continue;
            }
            long now = System.nanoTime();
            long nextCheck = now + limit;
            for (Connection connection : live) {
                if (connection.state.get() != IDLE) {
                    continue;
                }
                long due = connection.idleSince + limit;
                if (due - now <= 0) {
                    if (connection.state.compareAndSet(IDLE, CLOSED)) {
                        connection.close();
                    }
                } else if (due - nextCheck < 0) {
                    nextCheck = due;
                }
            }
            LockSupport.parkNanos(this, nextCheck - now);
        }
    }

    // ------------------------------------------------------------------------------------------ Connection

    /** A request as read from the connection. */
    private record Request(String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body, boolean http10,
            boolean keepAlive) {
    }

    /** A request the server refuses itself, with this status, closing the connection. */
    private static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;
        private final int status;

        Refused(int status, String reason) {
            super(reason);
            this.status = status;
        }
    }

    /** One connection, served by one thread: requests one after another (pipelined ones too), until it closes. */
    private final class Connection {

        private final Socket socket;
        private final long number;
        /** IDLE between requests, BUSY while reading one and answering it, CLOSED when the idle closer took it. */
        private final AtomicInteger state = new AtomicInteger(IDLE);
        private volatile long idleSince = System.nanoTime();
        /** The number of the latest request it carried; 0 before the first. */
        private volatile long lastRequest;
        private InputStream in;
        private OutputStream out;
        private byte[] buffer = new byte[8 * 1024];
        private int position;
        private int limit;

        Connection(Socket socket, long number) {
            this.socket = socket;
            this.number = number;
        }

        void run() {
            try {
                socket.setTcpNoDelay(true);
                in = socket.getInputStream();
                out = socket.getOutputStream();
                if (needsClientCertificate) {
                    verifyClientCertificate((SSLSocket) socket);
                }
                serveRequests();
            } catch (Refused refused) {
                refuse(refused);
            } catch (IOException | RuntimeException failure) {
                if (!closed && state.get() != CLOSED) {
                    LOG.log(Level.FINE, "A connection to the Paddle simulator ended", failure);
                }
            } finally {
                close();
                synchronized (usageLock) {
                    if (lastRequest > 0) {
                        if (closedCount == closedLastRequests.length) {
                            closedLastRequests = Arrays.copyOf(closedLastRequests, closedCount * 2);
                        }
                        closedLastRequests[closedCount++] = lastRequest;
                    }
                    live.remove(this);
                }
            }
        }

        private void serveRequests() throws IOException {
            while (true) {
                // idle since the end of the last answer: written before the state, which the idle closer reads first
                idleSince = System.nanoTime();
                state.set(IDLE);
                if (!fill()) {
                    return;
                }
                if (!state.compareAndSet(IDLE, BUSY)) {
                    return;
                }
                Request request = readRequest();
                lastRequest = requestsRead.incrementAndGet();
                Exchange exchange = new Exchange(this, request);
                try {
                    handler.handle(exchange);
                } catch (RuntimeException bug) {
                    LOG.log(Level.FINE, "The Paddle simulator failed to answer " + request.method() + " " + request.path(), bug);
                    if (!exchange.answered) {
                        exchange.respond(500, Map.of("Content-Type", "text/plain; charset=utf-8"),
                                ("The simulator failed: " + bug).getBytes(StandardCharsets.UTF_8));
                    }
                    return;
                }
                if (!exchange.answered || exchange.closeAfter || !request.keepAlive()) {
                    return;
                }
            }
        }

        /**
         * Completes the handshake, which the JDK fails when the client presents no trusted certificate, and counts the
         * verified certificate: a test can tell that the client sent one, not only that a request arrived.
         */
        private void verifyClientCertificate(SSLSocket secure) throws IOException {
            secure.startHandshake();
            try {
                if (secure.getSession().getPeerCertificates().length > 0) {
                    clientCertificatesVerified.incrementAndGet();
                }
            } catch (SSLPeerUnverifiedException none) {
                throw new IOException("The client presented no certificate", none);
            }
        }

        /** Answers a request the server could not read, then the connection closes. */
        private void refuse(Refused refused) {
            try {
                write(refused.status, Map.of("Content-Type", "text/plain; charset=utf-8"), refused.getMessage().getBytes(StandardCharsets.UTF_8),
                        Integer.MAX_VALUE, false, true, false);
            } catch (IOException gone) {
                // the client left: nothing to tell it
            }
        }

        /**
         * Waits for the client to close the connection, at most {@code max}; what it sends meanwhile is discarded.
         * Ends early when the server closes.
         */
        void awaitClientGone(Duration max) {
            long deadline = System.nanoTime() + max.toNanos();
            try {
                while (!closed) {
                    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                    if (left <= 0) {
                        return;
                    }
                    socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
                    if (in.read(buffer) < 0) {
                        return;
                    }
                }
            } catch (SocketTimeoutException timeUp) {
                // held as long as asked
            } catch (IOException gone) {
                // the client or the server closed the connection
            }
        }

        void close() {
            closeQuietly(socket);
        }

        /** Closes with {@code SO_LINGER} 0: the kernel drops what is unsent and sends a TCP RST instead of a FIN. */
        void reset() {
            try {
                socket.setSoLinger(true, 0);
            } catch (IOException gone) {
                // closed already: nothing left to reset
            }
            close();
        }

        // ------------------------------------------------------------------------------------- Reading

        /** @return false at the end of the stream, before a byte of a new request; true when bytes are buffered */
        private boolean fill() throws IOException {
            if (position < limit) {
                return true;
            }
            position = 0;
            limit = 0;
            int read = in.read(buffer);
            if (read < 0) {
                return false;
            }
            limit = read;
            return true;
        }

        private Request readRequest() throws IOException {
            String requestLine = readLine();
            while (requestLine.isEmpty()) {
                // RFC 9112 2.2: an empty line before a request line is ignored
                requestLine = readLine();
            }
            int firstSpace = requestLine.indexOf(' ');
            int lastSpace = requestLine.lastIndexOf(' ');
            if (firstSpace <= 0 || lastSpace == firstSpace) {
                throw new Refused(400, "Malformed request line: " + requestLine);
            }
            String version = requestLine.substring(lastSpace + 1);
            if (!"HTTP/1.1".equals(version) && !"HTTP/1.0".equals(version)) {
                throw new Refused(505, "The simulator speaks HTTP/1.1, not " + version);
            }
            Map<String, List<String>> headers = readHeaders();
            boolean http10 = "HTTP/1.0".equals(version);
            String connection = String.join(",", headers.getOrDefault("connection", List.of())).toLowerCase(Locale.ROOT);
            boolean keepAlive = http10 ? connection.contains("keep-alive") : !connection.contains("close");
            byte[] body = readBody(headers, http10);
            String target = requestLine.substring(firstSpace + 1, lastSpace);
            if (target.startsWith("http://") || target.startsWith("https://")) {
                // absolute form (RFC 9112 3.2.2): the path starts at the first slash after the authority
                int pathStart = target.indexOf('/', target.indexOf("//") + 2);
                target = pathStart < 0 ? "/" : target.substring(pathStart);
            }
            int question = target.indexOf('?');
            return new Request(requestLine.substring(0, firstSpace), question < 0 ? target : target.substring(0, question),
                    question < 0 ? null : target.substring(question + 1), headers, body, http10, keepAlive);
        }

        private Map<String, List<String>> readHeaders() throws IOException {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (String line = readLine(); !line.isEmpty(); line = readLine()) {
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    throw new Refused(400, "Malformed header line: " + line);
                }
                if (headers.size() == MAX_HEADERS) {
                    throw new Refused(431, "More than " + MAX_HEADERS + " headers");
                }
                headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), name -> new ArrayList<>(1))
                        .add(line.substring(colon + 1).trim());
            }
            return headers;
        }

        private byte[] readBody(Map<String, List<String>> headers, boolean http10) throws IOException {
            List<String> transferEncoding = headers.get("transfer-encoding");
            List<String> contentLength = headers.get("content-length");
            boolean chunked = transferEncoding != null;
            if (chunked && !String.join(",", transferEncoding).toLowerCase(Locale.ROOT).strip().endsWith("chunked")) {
                throw new Refused(501, "The simulator reads chunked request bodies only, not " + transferEncoding);
            }
            int length = 0;
            if (!chunked && contentLength != null) {
                try {
                    length = Integer.parseInt(contentLength.get(0));
                } catch (NumberFormatException notANumber) {
                    throw new Refused(400, "Malformed Content-Length: " + contentLength);
                }
                if (length < 0 || contentLength.stream().distinct().count() > 1) {
                    throw new Refused(400, "Malformed Content-Length: " + contentLength);
                }
                if (length > MAX_BODY) {
                    throw new Refused(413, "A request body of at most " + MAX_BODY + " bytes, please");
                }
            }
            boolean hasBody = chunked || length > 0;
            List<String> expect = headers.get("expect");
            if (hasBody && !http10 && expect != null && "100-continue".equalsIgnoreCase(expect.get(0))) {
                out.write(CONTINUE);
                out.flush();
            }
            return chunked ? readChunked() : readExactly(length);
        }

        private byte[] readChunked() throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String sizeLine = readLine();
                int semicolon = sizeLine.indexOf(';');
                int size;
                try {
                    size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip(), 16);
                } catch (NumberFormatException notHex) {
                    throw new Refused(400, "Malformed chunk size: " + sizeLine);
                }
                if (size < 0 || size > MAX_BODY - body.size()) {
                    throw new Refused(413, "A request body of at most " + MAX_BODY + " bytes, please");
                }
                if (size == 0) {
                    // trailer fields, read and ignored
                    readHeaders();
                    return body.toByteArray();
                }
                body.write(readExactly(size));
                if (!readLine().isEmpty()) {
                    throw new Refused(400, "A chunk longer than its size");
                }
            }
        }

        private byte[] readExactly(int length) throws IOException {
            byte[] bytes = new byte[length];
            int buffered = Math.min(length, limit - position);
            System.arraycopy(buffer, position, bytes, 0, buffered);
            position += buffered;
            if (in.readNBytes(bytes, buffered, length - buffered) < length - buffered) {
                throw new EOFException("The connection closed inside a request body");
            }
            return bytes;
        }

        /** @return the next line of the request head, without its line end */
        private String readLine() throws IOException {
            int scanned = position;
            while (true) {
                for (; scanned < limit; scanned++) {
                    if (buffer[scanned] == '\n') {
                        int end = scanned > position && buffer[scanned - 1] == '\r' ? scanned - 1 : scanned;
                        String line = new String(buffer, position, end - position, StandardCharsets.ISO_8859_1);
                        position = scanned + 1;
                        return line;
                    }
                }
                int length = limit - position;
                if (length >= MAX_HEAD_LINE) {
                    throw new Refused(431, "A line of the request head is longer than " + MAX_HEAD_LINE + " bytes");
                }
                if (position > 0) {
                    System.arraycopy(buffer, position, buffer, 0, length);
                    scanned -= position;
                    position = 0;
                    limit = length;
                }
                if (limit == buffer.length) {
                    buffer = Arrays.copyOf(buffer, buffer.length * 2);
                }
                int read = in.read(buffer, limit, buffer.length - limit);
                if (read < 0) {
                    throw new EOFException("The connection closed inside a request head");
                }
                limit += read;
            }
        }

        // ------------------------------------------------------------------------------------- Writing

        /**
         * Writes an answer in one piece.
         *
         * @param sent how many bytes of the body to send; fewer than its length cut the answer
         * @param head whether the request was a HEAD request (the length is announced, no body sent)
         */
        void write(int status, Map<String, String> headers, byte[] body, int sent, boolean head, boolean close, boolean http10)
                throws IOException {
            StringBuilder text = new StringBuilder(256).append("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
            headers.forEach((name, value) -> {
                if (!"content-length".equalsIgnoreCase(name) && !"connection".equalsIgnoreCase(name) && !"transfer-encoding".equalsIgnoreCase(name)) {
                    text.append(name).append(": ").append(value).append("\r\n");
                }
            });
            boolean bodyless = status < 200 || status == 204 || status == 304;
            if (!bodyless) {
                text.append("Content-Length: ").append(body.length).append("\r\n");
            }
            if (close) {
                text.append("Connection: close\r\n");
            } else if (http10) {
                text.append("Connection: keep-alive\r\n");
            }
            byte[] headBytes = text.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
            int bodyBytes = bodyless || head ? 0 : Math.min(sent, body.length);
            byte[] all = Arrays.copyOf(headBytes, headBytes.length + bodyBytes);
            System.arraycopy(body, 0, all, headBytes.length, bodyBytes);
            out.write(all);
            out.flush();
        }
    }

    /** One request on the simulator's own server, which can also cut the answer short or hold it. */
    final class Exchange implements SimulatorExchange {

        private final Connection connection;
        private final Request request;
        private boolean answered;
        private boolean closeAfter;

        private Exchange(Connection connection, Request request) {
            this.connection = connection;
            this.request = request;
        }

        @Override
        public URI base() {
            return base;
        }

        @Override
        public String method() {
            return request.method();
        }

        @Override
        public String path() {
            return request.path();
        }

        @Override
        public String rawQuery() {
            return request.rawQuery();
        }

        /** @return the headers, names in lower case */
        @Override
        public Map<String, List<String>> headers() {
            return request.headers();
        }

        @Override
        public byte[] body() {
            return request.body();
        }

        @Override
        public void respond(int status, Map<String, String> headers, byte[] body) throws IOException {
            send(status, headers, body, body.length, !request.keepAlive());
        }

        /** Announces the whole body and sends its first half, then closes the connection: the client reads a cut answer. */
        void respondCut(int status, Map<String, String> headers, byte[] body) throws IOException {
            send(status, headers, body, body.length / 2, false);
            closeAfter = true;
            connection.close();
        }

        /** Answers nothing and resets the connection (TCP RST), so the client reads "connection reset", not an end of stream. */
        void reset() {
            closeAfter = true;
            connection.reset();
        }

        /** Answers nothing until the client closes the connection or the server closes, at most {@code max}; then closes it. */
        void hang(Duration max) {
            closeAfter = true;
            connection.awaitClientGone(max);
        }

        /** @return the number of the connection the request came on: 1 for the first the server accepted */
        long connection() {
            return connection.number;
        }

        private void send(int status, Map<String, String> headers, byte[] body, int sent, boolean close) throws IOException {
            if (answered) {
                throw new IllegalStateException("The request has been answered already");
            }
            answered = true;
            connection.write(status, headers, body, sent, "HEAD".equals(request.method()), close, request.http10());
        }
    }

    private static String reason(int status) {
        return switch (status) {
            case 100 -> "Continue";
            case 200 -> "OK";
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 204 -> "No Content";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            case 505 -> "HTTP Version Not Supported";
            default -> "Status " + status;
        };
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing anyway
        }
    }
}
