package io.dittofs.block.fault;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on 127.0.0.1 in front of a real server that can misbehave: pass bytes through, drop
 * every connection (server unreachable), answer every request with HTTP 500, or delay each
 * connection before passing it through (slow server).
 */
final class FaultProxy implements AutoCloseable {

    enum Mode { PASS, DROP, HTTP_500, SLOW }

    private final ServerSocket server;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile Mode mode = Mode.PASS;
    private volatile long slowMillis = 300;

    FaultProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("fault-proxy").start(this::acceptLoop);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Switches mode and cuts existing connections, so pooled keep-alive connections see the change too. */
    void mode(Mode m) {
        mode = m;
        for (Socket s : open) {
            closeQuietly(s);
        }
    }

    void slowMillis(long ms) {
        slowMillis = ms;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                open.add(client);
                Thread.ofVirtual().start(() -> handle(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void handle(Socket client) {
        try {
            switch (mode) {
                case DROP -> closeQuietly(client);
                case HTTP_500 -> answer500(client);
                case SLOW -> {
                    Thread.sleep(slowMillis);
                    pass(client);
                }
                case PASS -> pass(client);
            }
        } catch (Exception e) {
            closeQuietly(client);
        }
    }

    private void answer500(Socket client) throws IOException {
        InputStream in = client.getInputStream();
        int state = 0;
        while (state < 4) { // read the request head up to CRLFCRLF
            int b = in.read();
            if (b < 0) {
                break;
            }
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
        }
        String body = "<Error><Code>InternalError</Code><Message>injected</Message></Error>";
        OutputStream out = client.getOutputStream();
        out.write(("HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/xml\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
        out.flush();
        closeQuietly(client);
    }

    private void pass(Socket client) throws IOException {
        Socket upstream = new Socket();
        upstream.connect(new InetSocketAddress("127.0.0.1", targetPort), 5000);
        open.add(upstream);
        Thread.ofVirtual().start(() -> pump(upstream, client));
        pump(client, upstream);
    }

    private void pump(Socket from, Socket to) {
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                out.write(buf, 0, n);
            }
        } catch (IOException e) {
            // one side closed: close both below
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void closeQuietly(Socket s) {
        open.remove(s);
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : open) {
            closeQuietly(s);
        }
    }
}
