package dev.portallinks.benchmarks.driver;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fast stub Paddle on 127.0.0.1: a small blocking HTTP/1.1 server (one thread per connection, keep-alive) that
 * answers {@code POST /customers/{id}/portal-sessions} with Paddle's 201 envelope carrying links for exactly the
 * requested subscriptions, on its own origin. It counts connections and requests and measures its own CPU time, and
 * can be switched to hang, to close connections without answering, to answer 429 with {@code Retry-After}, and to
 * close keep-alive connections after some idle time (as Node's HTTP server does after 5 s).
 */
public final class StubPaddle implements AutoCloseable {

    /** What the stub does with a request. */
    public enum Mode {
        /** Answer 201 with a valid session. */
        NORMAL,
        /** Read the request and never answer (until the mode changes, at most {@link #HANG_LIMIT_MILLIS}). */
        HANG,
        /** Read the request and close the connection without an answer. */
        CLOSE,
        /** Answer 429 with {@code Retry-After}. */
        RATE_LIMITED
    }

    private static final Logger LOG = Logger.getLogger(StubPaddle.class.getName());
    private static final long HANG_LIMIT_MILLIS = 30_000;
    private static final int MAX_CONNECTIONS = 512;
    private static final Pattern SESSION_PATH = Pattern.compile("^/customers/(ctm_[a-z\\d]{26})/portal-sessions$");
    private static final Pattern SUBSCRIPTION = Pattern.compile("\"(sub_[a-z\\d]{26})\"");
    private static final String PORTAL_PATH = "/cpl_01j7zbyqs3vah3aafp4jf62qaw";
    private static final String TOKEN = "pga_BenchPortalTokenValue0123456789";

    private final ServerSocket server;
    private final String origin;
    private final Thread acceptor;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Map<String, byte[]> answers = new ConcurrentHashMap<>();
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong epoch = new AtomicLong();
    private final LongAdder connectionsUsedInEpoch = new LongAdder();
    private final AtomicInteger threadNumber = new AtomicInteger();
    private final LongAdder finishedThreadsCpuNanos = new LongAdder();
    private final Set<Thread> liveThreads = ConcurrentHashMap.newKeySet();
    private final ThreadMXBean threadBean = ManagementFactory.getThreadMXBean();
    private volatile Mode mode = Mode.NORMAL;
    private volatile int retryAfterSeconds = 3;
    private volatile int idleCloseMillis;
    private final AtomicInteger dropNextRequests = new AtomicInteger();
    private volatile boolean closed;

    /**
     * Starts the stub.
     *
     * @param port the port on 127.0.0.1
     * @throws IOException if it cannot listen
     */
    public StubPaddle(int port) throws IOException {
        server = new ServerSocket(port, 1024, InetAddress.getLoopbackAddress());
        origin = "http://127.0.0.1:" + server.getLocalPort();
        acceptor = new Thread(this::accept, "stub-paddle-acceptor");
        acceptor.setDaemon(true);
        liveThreads.add(acceptor);
        acceptor.start();
    }

    /** @return {@code http://127.0.0.1:port} */
    public String origin() {
        return origin;
    }

    /** @param mode what to do from now on */
    public void mode(Mode mode) {
        this.mode = mode;
    }

    /** @param seconds the {@code Retry-After} of 429 answers */
    public void retryAfterSeconds(int seconds) {
        this.retryAfterSeconds = seconds;
    }

    /** @param millis close a keep-alive connection after this idle time; 0 keeps it open */
    public void idleCloseMillis(int millis) {
        this.idleCloseMillis = millis;
    }

    /**
     * Makes the next requests meet a connection that is closed just as they arrive (read, then closed without an
     * answer): what a client sees when the server closes an idle keep-alive connection while the request is on its
     * way ("header parser received no bytes", {@code NoHttpResponseException}). Other requests are answered normally.
     *
     * @param requests how many of the next requests to drop
     */
    public void dropNextRequests(int requests) {
        dropNextRequests.set(requests);
    }

    /** @return TCP connections accepted so far */
    public long connections() {
        return connections.get();
    }

    /** @return HTTP requests read so far */
    public long requests() {
        return requests.get();
    }

    /** Starts counting anew which connections carry requests ({@link #connectionsUsedSinceMark()}). */
    public void mark() {
        epoch.incrementAndGet();
        connectionsUsedInEpoch.reset();
    }

    /** @return how many distinct connections carried at least one request since {@link #mark()} */
    public long connectionsUsedSinceMark() {
        return connectionsUsedInEpoch.sum();
    }

    /** @return connections open now */
    public int openConnections() {
        return open.size();
    }

    /** @return CPU time of the stub's threads so far, in nanoseconds */
    public long cpuNanos() {
        long total = finishedThreadsCpuNanos.sum();
        for (Thread thread : liveThreads) {
            long cpu = threadBean.getThreadCpuTime(thread.getId());
            if (cpu > 0) {
                total += cpu;
            }
        }
        return total;
    }

    /** Closes every open connection (the pool of the next client starts fresh). */
    public void dropConnections() {
        for (Socket socket : List.copyOf(open)) {
            closeQuietly(socket);
        }
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        dropConnections();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                if (open.size() >= MAX_CONNECTIONS) {
                    closeQuietly(socket);
                    continue;
                }
                connections.incrementAndGet();
                open.add(socket);
                Thread handler = new Thread(() -> serve(socket), "stub-paddle-" + threadNumber.incrementAndGet());
                handler.setDaemon(true);
                liveThreads.add(handler);
                handler.start();
            } catch (IOException failure) {
                if (!closed) {
                    LOG.log(Level.WARNING, "stub Paddle: accept failed", failure);
                }
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            OutputStream out = socket.getOutputStream();
            long lastEpoch = -1;
            while (!closed) {
                int first = awaitFirstByte(socket, in);
                if (first < 0) {
                    return;
                }
                socket.setSoTimeout(10_000);
                String requestLine = (char) first + readLine(in);
                Request request = readRequest(requestLine, in);
                requests.incrementAndGet();
                long now = epoch.get();
                if (now != lastEpoch) {
                    lastEpoch = now;
                    connectionsUsedInEpoch.increment();
                }
                if (!answer(request, socket, out)) {
                    return;
                }
            }
        } catch (SocketException | SocketTimeoutException gone) {
            // The client closed the connection, or the stub closed it on purpose.
        } catch (IOException | RuntimeException failure) {
            if (!closed) {
                LOG.log(Level.FINE, "stub Paddle: connection failed", failure);
            }
        } finally {
            open.remove(socket);
            liveThreads.remove(Thread.currentThread());
            finishedThreadsCpuNanos.add(Math.max(0, threadBean.getCurrentThreadCpuTime()));
        }
    }

    /**
     * Waits for the next request's first byte, polling so that a change of {@link #idleCloseMillis(int)} applies to
     * connections that are already idle (idle time counts from the end of the last answer).
     *
     * @return the byte, or -1 to close the connection (end of stream, idle too long, stub closed)
     */
    private int awaitFirstByte(Socket socket, InputStream in) throws IOException {
        long idleSince = System.nanoTime();
        socket.setSoTimeout(100);
        while (!closed) {
            try {
                return in.read();
            } catch (SocketTimeoutException stillIdle) {
                long idleMillis = (System.nanoTime() - idleSince) / 1_000_000;
                int limit = idleCloseMillis;
                if ((limit > 0 && idleMillis >= limit) || idleMillis >= HANG_LIMIT_MILLIS * 4) {
                    return -1;
                }
            }
        }
        return -1;
    }

    /** @return whether the connection stays open */
    private boolean answer(Request request, Socket socket, OutputStream out) throws IOException {
        if (dropNextRequests.get() > 0 && dropNextRequests.getAndDecrement() > 0) {
            return false;
        }
        Mode now = mode;
        switch (now) {
            case HANG -> {
                long until = System.currentTimeMillis() + HANG_LIMIT_MILLIS;
                while (mode == Mode.HANG && !closed && System.currentTimeMillis() < until && !socket.isClosed()) {
                    sleep(20);
                }
                return false;
            }
            case CLOSE -> {
                return false;
            }
            case RATE_LIMITED -> {
                byte[] body = ("{\"error\":{\"type\":\"request_error\",\"code\":\"too_many_requests\",\"detail\":\"Too many requests.\","
                        + "\"documentation_url\":\"https://developer.paddle.com/v1/errors/shared/too_many_requests\"},"
                        + "\"meta\":{\"request_id\":\"bench-rate-limited\"}}").getBytes(StandardCharsets.UTF_8);
                write(out, 429, "Too Many Requests", "Retry-After: " + retryAfterSeconds + "\r\n", body, request.keepAlive);
                return request.keepAlive;
            }
            default -> {
                Matcher path = SESSION_PATH.matcher(request.path);
                if (!"POST".equals(request.method) || !path.matches()) {
                    byte[] body = "{\"error\":{\"type\":\"request_error\",\"code\":\"not_found\",\"detail\":\"no such route\"}}"
                            .getBytes(StandardCharsets.UTF_8);
                    write(out, 404, "Not Found", "", body, request.keepAlive);
                    return request.keepAlive;
                }
                String customer = path.group(1);
                byte[] body = answers.computeIfAbsent(customer + " " + request.body, key -> sessionBody(customer, subscriptionsOf(request.body)));
                write(out, 201, "Created", "", body, request.keepAlive);
                return request.keepAlive;
            }
        }
    }

    private static void write(OutputStream out, int status, String reason, String extraHeaders, byte[] body, boolean keepAlive)
            throws IOException {
        String head = "HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n"
                + "Request-Id: bench-stub\r\n" + extraHeaders + (keepAlive ? "" : "Connection: close\r\n") + "\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        out.write(all);
        out.flush();
    }

    private static List<String> subscriptionsOf(String body) {
        List<String> ids = new ArrayList<>();
        Matcher matcher = SUBSCRIPTION.matcher(body);
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }

    /** Paddle's 201 answer (the shape of portal-impl's test stub), links on this stub's origin. */
    private byte[] sessionBody(String customer, List<String> subscriptions) {
        StringBuilder links = new StringBuilder();
        for (String subscription : subscriptions) {
            if (links.length() > 0) {
                links.append(',');
            }
            links.append("{\"id\":\"").append(subscription).append("\",\"cancel_subscription\":\"").append(link("cancel_subscription", subscription))
                    .append("\",\"update_subscription_payment_method\":\"").append(link("update_subscription_payment_method", subscription))
                    .append("\"}");
        }
        return ("{\"data\":{\"id\":\"cpls_01h4ge9r64c22exjsx0fy8b48b\",\"customer_id\":\"" + customer + "\",\"urls\":{\"general\":{\"overview\":\""
                + link("overview", null) + "\"},\"subscriptions\":[" + links + "]},\"created_at\":\"2024-10-25T06:53:58Z\"},"
                + "\"meta\":{\"request_id\":\"bench-request-1\"}}").getBytes(StandardCharsets.UTF_8);
    }

    private String link(String action, String subscription) {
        return origin + PORTAL_PATH + "?action=" + action + (subscription == null ? "" : "&subscription_id=" + subscription) + "&token=" + TOKEN;
    }

    private record Request(String method, String path, String body, boolean keepAlive) {
    }

    private static Request readRequest(String requestLine, InputStream in) throws IOException {
        String[] parts = requestLine.split(" ");
        if (parts.length < 3) {
            throw new IOException("bad request line");
        }
        int contentLength = 0;
        boolean chunked = false;
        boolean keepAlive = !"HTTP/1.0".equals(parts[2]);
        for (int headers = 0; headers < 200; headers++) {
            String header = readLine(in);
            if (header == null) {
                throw new IOException("connection closed in the headers");
            }
            if (header.isEmpty()) {
                break;
            }
            int colon = header.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = header.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> contentLength = Integer.parseInt(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(java.util.Locale.ROOT).contains("chunked");
                case "connection" -> keepAlive = !value.equalsIgnoreCase("close");
                default -> {
                    // not needed
                }
            }
        }
        byte[] body = chunked ? readChunked(in) : in.readNBytes(Math.min(contentLength, 1 << 20));
        String path = parts[1];
        int query = path.indexOf('?');
        return new Request(parts[0], query < 0 ? path : path.substring(0, query), new String(body, StandardCharsets.UTF_8), keepAlive);
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (body.size() < (1 << 20)) {
            String sizeLine = readLine(in);
            if (sizeLine == null) {
                throw new IOException("connection closed in a chunk");
            }
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                while (true) {
                    String trailer = readLine(in);
                    if (trailer == null || trailer.isEmpty()) {
                        return body.toByteArray();
                    }
                }
            }
            body.write(in.readNBytes(size));
            readLine(in);
        }
        throw new IOException("body too large");
    }

    /** @return the line without CRLF, or null at end of stream before any byte */
    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (line.length() < 16 * 1024) {
            int next = in.read();
            if (next < 0) {
                return line.length() == 0 ? null : line.toString();
            }
            if (next == '\n') {
                int length = line.length();
                return length > 0 && line.charAt(length - 1) == '\r' ? line.substring(0, length - 1) : line.toString();
            }
            line.append((char) next);
        }
        throw new IOException("line too long");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing anyway
        }
    }
}
