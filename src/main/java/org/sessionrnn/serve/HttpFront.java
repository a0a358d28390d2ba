package org.sessionrnn.serve;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The listening socket in front of the JDK's HTTP server, which answers some malformed requests itself, before
 * any handler or filter sees them, with an HTML page: a request target that is not a valid URI (a raw {@code {} or
 * space), a request line without a target, a Content-Length that is not a number, a Transfer-Encoding other than
 * chunked. This front reads each request's head as the JDK server will, answers those requests with the server's
 * JSON error shape ({@code {"error": "..."}}) and passes every other byte through, both ways, to the JDK server on
 * a loopback port. A refused request ends its connection, after the answers to the requests before it.
 */
final class HttpFront implements AutoCloseable {
    /** Longest request line or header line read; a longer one is refused. */
    static final int MAX_LINE = 64 * 1024;
    private static final int MAX_CONNECTIONS = 1024;
    /** A client silent this long, in milliseconds, between requests or inside one, is disconnected. */
    private static final int IDLE_MILLIS = 60_000;
    private static final int DRAIN_MILLIS = 1000;

    private final ServerSocket listener;
    private final InetSocketAddress backend;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "http-front");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger open = new AtomicInteger();
    private volatile boolean closed;

    private HttpFront(ServerSocket listener, InetSocketAddress backend) {
        this.listener = listener;
        this.backend = backend;
    }

    /**
     * Listens on {@code address} and passes good requests to {@code backend}.
     *
     * @throws java.net.SocketException when the address cannot be bound (in use, not this machine's)
     */
    static HttpFront start(InetSocketAddress address, InetSocketAddress backend) throws IOException {
        ServerSocket listener = new ServerSocket();
        try {
            listener.setReuseAddress(true);
            listener.bind(address, 128);
        } catch (IOException e) {
            listener.close();
            throw e;
        }
        HttpFront front = new HttpFront(listener, backend);
        front.threads.execute(front::accept);
        return front;
    }

    /** The bound port. */
    int port() {
        return listener.getLocalPort();
    }

    private void accept() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                continue; // closed, or one failed accept: the loop condition decides
            }
            try {
                if (open.incrementAndGet() > MAX_CONNECTIONS) {
                    threads.execute(() -> refuse(client, 503, "too many connections, retry"));
                } else {
                    threads.execute(() -> connect(client));
                }
            } catch (java.util.concurrent.RejectedExecutionException e) {
                open.decrementAndGet(); // closing down
                closeQuietly(client);
            }
        }
    }

    private void connect(Socket client) {
        Socket server = new Socket();
        try {
            client.setTcpNoDelay(true);
            client.setSoTimeout(IDLE_MILLIS);
            server.setTcpNoDelay(true);
            server.connect(backend);
        } catch (IOException e) {
            closeQuietly(server);
            refuse(client, 503, "server not ready, retry");
            return;
        }
        Connection c = new Connection(client, server);
        threads.execute(c::answers);
        c.requests();
    }

    /** Answers a connection this front will not pass on, then closes it. */
    private void refuse(Socket client, int status, String reason) {
        try (client) {
            client.getOutputStream().write(response(status, reason));
            drainAndClose(client);
        } catch (IOException e) {
            // the client is gone: nothing to tell it
        } finally {
            open.decrementAndGet();
        }
    }

    /** An HTTP/1.1 answer with the server's JSON error body that closes the connection. */
    static byte[] response(int status, String reason) {
        byte[] body = (HttpError.json(reason) + "\n").getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " " + phrase(status) + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static String phrase(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 501 -> "Not Implemented";
            case 503 -> "Service Unavailable";
            default -> "Error";
        };
    }

    /**
     * Ends our side and reads what the client still sends for a moment: closing a socket with unread input resets
     * the connection, and the client would lose the answer it is owed.
     */
    private static void drainAndClose(Socket client) {
        try (client) {
            client.shutdownOutput();
            client.setSoTimeout(DRAIN_MILLIS);
            InputStream in = client.getInputStream();
            byte[] sink = new byte[8192];
            long deadline = System.nanoTime() + DRAIN_MILLIS * 1_000_000L;
            while (System.nanoTime() < deadline && in.read(sink) >= 0) {
                // discard
            }
        } catch (IOException e) {
            // gone or silent: either way done
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }

    /** Stops accepting; open connections end when their client or the JDK server closes them. */
    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            // already closed
        }
        threads.shutdown();
    }

    /** One client connection and its connection to the JDK server. */
    private final class Connection {
        private final Socket client;
        private final Socket server;
        /** The answer to a refused request, sent once the server has answered the requests before it. */
        private volatile byte[] refusal;

        Connection(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        /** Client to server, request by request, each head checked first. */
        void requests() {
            try {
                InputStream in = new BufferedInputStream(client.getInputStream());
                OutputStream out = server.getOutputStream();
                while (pass(in, out)) {
                    out.flush();
                }
            } catch (SocketTimeoutException e) {
                // silent client: end the connection
            } catch (IOException e) {
                // either side closed
            }
            try {
                server.shutdownOutput(); // the server answers what it has, then closes: answers() takes over
            } catch (IOException e) {
                closeQuietly(server);
            }
        }

        /** Server to client, as is, then the refusal if there is one; then both are closed. */
        void answers() {
            try {
                server.getInputStream().transferTo(client.getOutputStream());
            } catch (IOException e) {
                // either side closed
            }
            try {
                byte[] last = refusal;
                if (last != null) {
                    client.getOutputStream().write(last);
                    drainAndClose(client);
                }
            } catch (IOException e) {
                // the client is gone
            } finally {
                closeQuietly(client);
                closeQuietly(server);
                open.decrementAndGet();
            }
        }

        /** Passes one request on; false at the end of the client's input or at a refused request. */
        private boolean pass(InputStream in, OutputStream out) throws IOException {
            String line = readLine(in);
            if (line == null) {
                return false;
            }
            if (line.isEmpty()) {
                out.write(CRLF); // stray line ends between requests: the server skips them
                return true;
            }
            RequestHead head = RequestHead.read(in, RequestHead.checkRequestLine(line));
            if (head.problem() != null) {
                refusal = response(head.status(), head.problem());
                return false;
            }
            out.write(line.getBytes(StandardCharsets.ISO_8859_1));
            out.write(CRLF);
            out.write(head.bytes());
            if (head.chunked()) {
                copyChunks(in, out);
            } else {
                copy(in, out, head.contentLength());
            }
            return true;
        }
    }

    private static final byte[] CRLF = {'\r', '\n'};

    /**
     * One line of a request head without its line end (LF or CRLF) in ISO-8859-1, or null at the end of the
     * input; a line over {@link #MAX_LINE} bytes is an IOException that ends the connection.
     */
    static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) >= 0; ) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
            }
            if (line.size() >= MAX_LINE) {
                throw new IOException("line too long");
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    private static void copy(InputStream in, OutputStream out, long n) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        for (long left = n; left > 0; ) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw new IOException("body cut short");
            }
            out.write(buffer, 0, read);
            left -= read;
        }
    }

    /** A chunked body as is: size lines, data, and the trailer up to its empty line. */
    private static void copyChunks(InputStream in, OutputStream out) throws IOException {
        while (true) {
            String size = readLine(in);
            if (size == null) {
                throw new IOException("body cut short");
            }
            out.write(size.getBytes(StandardCharsets.ISO_8859_1));
            out.write(CRLF);
            long n;
            try {
                int semicolon = size.indexOf(';');
                n = Long.parseLong((semicolon >= 0 ? size.substring(0, semicolon) : size).strip(), 16);
            } catch (NumberFormatException e) {
                out.flush(); // the server refuses the bad chunk size itself
                throw new IOException("bad chunk size");
            }
            if (n == 0) {
                for (String trailer; (trailer = readLine(in)) != null; ) {
                    out.write(trailer.getBytes(StandardCharsets.ISO_8859_1));
                    out.write(CRLF);
                    if (trailer.isEmpty()) {
                        return;
                    }
                }
                throw new IOException("body cut short");
            }
            copy(in, out, n + 2); // the data and its line end
        }
    }

    /**
     * A request's head after its request line: the header lines as read, and what the JDK server would make of
     * them (body framing, or the reason it would refuse them).
     */
    record RequestHead(byte[] bytes, long contentLength, boolean chunked, int status, String problem) {
        /** Why the JDK server would refuse this request line, with the status to give, or null. */
        static Refusal checkRequestLine(String line) {
            int first = line.indexOf(' ');
            int second = first < 0 ? -1 : line.indexOf(' ', first + 1);
            if (second < 0) {
                return new Refusal(400, "malformed request line '" + shown(line) + "': expected METHOD PATH HTTP/1.1");
            }
            String target = line.substring(first + 1, second);
            try {
                URI uri = new URI(target);
                if (uri.getPath() == null || !uri.getPath().startsWith("/")) {
                    return new Refusal(404, "no such path: '" + shown(target) + "'");
                }
            } catch (URISyntaxException e) {
                int at = e.getIndex();
                return new Refusal(400, at >= 0 && at < target.length()
                        ? "the path has a character not allowed in a URL, '" + shown(target.substring(at, at + 1))
                        + "' at position " + (at + 1) + " of '" + shown(target) + "'; percent-encode it ("
                        + String.format(Locale.ROOT, "%%%02X", target.charAt(at) & 0xff) + ")"
                        : "malformed path '" + shown(target) + "'");
            }
            return null;
        }

        /**
         * Reads the header lines up to the empty line that ends them. With {@code problem} (the request line's),
         * or a framing the JDK server would refuse, the head is read only to be refused.
         */
        static RequestHead read(InputStream in, Refusal problem) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            String length = null;
            String encoding = null;
            int lengths = 0;
            int encodings = 0;
            for (String h; ; ) {
                h = readLine(in);
                if (h == null) {
                    throw new IOException("head cut short");
                }
                bytes.writeBytes(h.getBytes(StandardCharsets.ISO_8859_1));
                bytes.writeBytes(CRLF);
                if (h.isEmpty()) {
                    break;
                }
                int colon = h.indexOf(':');
                String name = colon < 0 ? "" : h.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                String value = colon < 0 ? "" : h.substring(colon + 1).strip();
                if (name.equals("content-length")) {
                    lengths++;
                    length = value;
                } else if (name.equals("transfer-encoding")) {
                    encodings++;
                    encoding = value;
                }
            }
            if (problem != null) {
                return refused(problem.status(), problem.reason());
            }
            if (encoding != null) {
                if (lengths > 0) {
                    return refused(400, "Content-Length and Transfer-Encoding together: send one of them");
                }
                if (encodings > 1 || !encoding.equalsIgnoreCase("chunked")) {
                    return refused(501, "Transfer-Encoding '" + shown(encoding) + "' is not supported "
                            + "(only chunked)");
                }
                return new RequestHead(bytes.toByteArray(), -1, true, 0, null);
            }
            if (lengths > 1) {
                return refused(400, "Content-Length given " + lengths + " times");
            }
            long n = 0;
            if (length != null) {
                try {
                    n = Long.parseLong(length);
                } catch (NumberFormatException e) {
                    n = -1;
                }
                if (n < 0) {
                    return refused(400, "Content-Length '" + shown(length) + "' is not a number of bytes");
                }
            }
            return new RequestHead(bytes.toByteArray(), n, false, 0, null);
        }

        private static RequestHead refused(int status, String problem) {
            return new RequestHead(new byte[0], 0, false, status, problem);
        }

        private static String shown(String s) {
            String clean = s.replaceAll("\\p{Cntrl}", "?");
            return clean.length() <= 60 ? clean : clean.substring(0, 60) + "...";
        }
    }

    /** A request refused by the front: its status and one-line reason. */
    record Refusal(int status, String reason) {
    }

    /** The loopback address the JDK server listens on behind the front. */
    static InetSocketAddress loopback() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    }
}
