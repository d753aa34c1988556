package io.cardvault.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP relay in front of the test PostgreSQL: {@link #cut()} drops every connection and
 * refuses new ones (the database "goes away"), {@link #restore()} listens again on the same port.
 */
final class TcpRelay implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final String database;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket listener;

    private TcpRelay(String targetHost, int targetPort, int port, String database) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.port = port;
        this.database = database;
    }

    static TcpRelay to(String jdbcUrl, int port) throws IOException {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        TcpRelay relay =
                new TcpRelay(
                        uri.getHost(),
                        uri.getPort() < 0 ? 5432 : uri.getPort(),
                        port,
                        uri.getPath());
        relay.restore();
        return relay;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + database;
    }

    void restore() throws IOException {
        ServerSocket s = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        listener = s;
        Thread accept =
                new Thread(
                        () -> {
                            while (!s.isClosed()) {
                                try {
                                    Socket client = s.accept();
                                    Socket server = new Socket(targetHost, targetPort);
                                    open.add(client);
                                    open.add(server);
                                    pump(client, server);
                                    pump(server, client);
                                } catch (IOException closed) {
                                    return;
                                }
                            }
                        },
                        "relay-accept");
        accept.setDaemon(true);
        accept.start();
    }

    void cut() throws IOException {
        listener.close();
        for (Socket s : open) {
            s.close();
        }
        open.clear();
    }

    private static void pump(Socket from, Socket to) {
        Thread t =
                new Thread(
                        () -> {
                            byte[] buf = new byte[8192];
                            try (InputStream in = from.getInputStream();
                                    OutputStream out = to.getOutputStream()) {
                                int n;
                                while ((n = in.read(buf)) >= 0) {
                                    out.write(buf, 0, n);
                                    out.flush();
                                }
                            } catch (IOException closed) {
                                // either side went away
                            } finally {
                                try {
                                    to.close();
                                    from.close();
                                } catch (IOException ignored) {
                                    // already closed
                                }
                            }
                        },
                        "relay-pump");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        cut();
    }
}
