package health.ferry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plain TCP proxy on 127.0.0.1 in front of a real server (PostgreSQL in the outage test) that a test can cut: every
 * open connection is dropped and the port stops listening, so new connections are refused, exactly as when the
 * server is down; {@link #restore()} listens again on the same port. Plain sockets, two threads per connection.
 */
public final class TcpCutter implements AutoCloseable {
    private final String targetHost;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile ServerSocket listener;
    private volatile int port;

    public TcpCutter(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }

    /** Starts listening on a free port; answers it. */
    public synchronized int start() throws IOException {
        listen(0);
        return port;
    }

    public int port() {
        return port;
    }

    /** Connections accepted so far (a reconnecting pool shows up here). */
    public int accepted() {
        return accepted.get();
    }

    public boolean isCut() {
        return listener == null;
    }

    /** The outage: stops listening (new connections are refused) and drops every open connection. */
    public synchronized void cut() {
        ServerSocket l = listener;
        listener = null;
        closeQuietly(l);
        for (Socket s : open) {
            closeQuietly(s);
        }
        open.clear();
    }

    /** The server is back: listens on the same port again. */
    public synchronized void restore() throws IOException {
        if (listener == null) {
            listen(port);
        }
    }

    private void listen(int on) throws IOException {
        ServerSocket l = new ServerSocket();
        l.setReuseAddress(true);
        l.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), on));
        port = l.getLocalPort();
        listener = l;
        Thread acceptor = new Thread(() -> accept(l), "tcp-cutter-accept-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept(ServerSocket l) {
        while (!l.isClosed()) {
            Socket client;
            try {
                client = l.accept();
            } catch (IOException e) {
                return; // cut or closed
            }
            accepted.incrementAndGet();
            try {
                Socket server = new Socket(targetHost, targetPort);
                server.setTcpNoDelay(true);
                client.setTcpNoDelay(true);
                open.add(client);
                open.add(server);
                if (listener != l) {
                    closeQuietly(client);
                    closeQuietly(server);
                    return;
                }
                pump(client, server);
                pump(server, client);
            } catch (IOException e) {
                closeQuietly(client);
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (SocketException e) {
                // cut, or the other side closed
            } catch (IOException e) {
                // same
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "tcp-cutter-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            if (c instanceof Socket s && !s.isClosed()) {
                // RST rather than FIN: the peer sees the connection reset, as when a server process dies.
                s.setSoLinger(true, 0);
            }
            c.close();
        } catch (Exception e) {
            // already closed
        }
    }

    @Override
    public void close() {
        cut();
    }
}
