package io.kgrec.api.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection that POSTs JSON, as small as a load generator's client can be: a request is one
 * write of prepared bytes, a response is read by Content-Length or chunks. It keeps the client's own CPU use low, which
 * matters when client and server share two cores; {@code java.net.http.HttpClient} costs several times more per call.
 */
final class HttpConnection implements AutoCloseable {
    private final URI endpoint;
    private final byte[] head;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    /** @param headers extra header lines, each ending in CRLF */
    HttpConnection(URI endpoint, String headers) {
        this.endpoint = endpoint;
        this.head = ("POST " + endpoint.getRawPath() + " HTTP/1.1\r\nHost: " + endpoint.getHost() + ":"
                + endpoint.getPort() + "\r\nContent-Type: application/json\r\n" + headers + "Content-Length: ")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** Status and body of one POST; reconnects once when the server has closed an idle connection. */
    Response post(byte[] body) throws IOException {
        if (socket == null) {
            connect();
        }
        try {
            return exchange(body);
        } catch (IOException closed) {
            close();
            connect();
            return exchange(body);
        }
    }

    private Response exchange(byte[] body) throws IOException {
        out.write(head);
        out.write((body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        String status = line();
        if (status == null) {
            throw new IOException("connection closed");
        }
        int code = Integer.parseInt(status.substring(9, 12));
        int length = -1;
        boolean chunked = false;
        boolean closeAfter = false;
        for (String h = line(); h != null && !h.isEmpty(); h = line()) {
            String lower = h.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                closeAfter = true;
            }
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream(chunked ? 8192 : Math.max(length, 0));
        if (chunked) {
            for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                    size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                content.write(in.readNBytes(size));
                line();
            }
            line();
        } else if (length > 0) {
            content.write(in.readNBytes(length));
        }
        if (closeAfter) {
            close();
        }
        return new Response(code, content.toString(StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
        StringBuilder s = new StringBuilder();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                int n = s.length();
                return n > 0 && s.charAt(n - 1) == '\r' ? s.substring(0, n - 1) : s.toString();
            }
            s.append((char) b);
        }
        return s.isEmpty() ? null : s.toString();
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 5_000);
        socket.setSoTimeout(30_000);
        in = new BufferedInputStream(socket.getInputStream(), 65_536);
        out = new java.io.BufferedOutputStream(socket.getOutputStream(), 8_192);
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a dead connection: nothing to do
            }
            socket = null;
        }
    }

    /** An answer: HTTP status and body text. */
    record Response(int status, String body) {
    }
}
