package io.sourced.app.it;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TCP proxy between the application and PostgreSQL that reads the protocol's messages as they pass (plain
 * connections: {@code sslmode=disable}, {@code gssEncMode=disable}; {@code prepareThreshold=0}, so every statement's
 * text is sent) and, once armed, cuts the next transaction that sent a statement containing a given text, at its
 * COMMIT: {@link When#AFTER_COMMIT} lets the COMMIT through, waits for the server to report it done, and closes both
 * sides without passing that report on (the transaction is durable, its client cannot know); {@link
 * When#BEFORE_COMMIT} closes both sides instead of sending the COMMIT (the server rolls back).
 */
final class CommitCuttingProxy implements AutoCloseable {

    enum When {
        AFTER_COMMIT,
        BEFORE_COMMIT
    }

    private record Armed(String statement, When when) {}

    private static final int SSL_REQUEST = 80877103;
    private static final int GSS_REQUEST = 80877104;

    private final ServerSocket server;
    private final String upstreamHost;
    private final int upstreamPort;
    private final AtomicReference<Armed> armed = new AtomicReference<>();
    private final AtomicInteger cuts = new AtomicInteger();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

    private CommitCuttingProxy(String upstreamHost, int upstreamPort) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.upstreamHost = upstreamHost;
        this.upstreamPort = upstreamPort;
        daemon("proxy-accept", this::accept);
    }

    static CommitCuttingProxy to(String host, int port) {
        try {
            return new CommitCuttingProxy(host, port);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    int port() {
        return server.getLocalPort();
    }

    /** The application's argument that has it reach {@code database} through this proxy. */
    String datasourceArgument(Database database) {
        return "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + port() + "/" + database.postgresName()
                + "?sslmode=disable&gssEncMode=disable&prepareThreshold=0";
    }

    /** The next transaction that sends a statement containing {@code statement} is cut at its COMMIT, once. */
    void cutNextTransactionWith(String statement, When when) {
        armed.set(new Armed(statement, when));
    }

    /** How many transactions were cut. */
    int cuts() {
        return cuts.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(upstreamHost, upstreamPort);
                sockets.add(client);
                sockets.add(upstream);
                Link link = new Link(client, upstream);
                daemon("proxy-client", link::fromClient);
                daemon("proxy-server", link::fromServer);
            } catch (IOException e) {
                // closed, or PostgreSQL refused: the client sees its connection end
            }
        }
    }

    /** One client connection and its connection to the server. */
    private final class Link {

        private final Socket client;
        private final Socket upstream;
        /** What this connection's transaction is to be cut for; null while not chosen. */
        private volatile Armed target;

        private volatile boolean commitSent;

        Link(Socket client, Socket upstream) {
            this.client = client;
            this.upstream = upstream;
        }

        void fromClient() {
            try (DataInputStream in = new DataInputStream(client.getInputStream())) {
                OutputStream out = upstream.getOutputStream();
                int length = in.readInt();
                byte[] startup = in.readNBytes(length - 4);
                int code = ByteBuffer.wrap(startup).getInt();
                if (code == SSL_REQUEST || code == GSS_REQUEST) {
                    throw new IllegalStateException(
                            "connect through the proxy with sslmode=disable&gssEncMode=disable");
                }
                out.write(ByteBuffer.allocate(4).putInt(length).array());
                out.write(startup);
                while (true) {
                    byte type = in.readByte();
                    length = in.readInt();
                    byte[] body = in.readNBytes(length - 4);
                    String text = type == 'P' || type == 'Q' ? statementOf(type, body) : "";
                    Armed candidate = armed.get();
                    if (target == null && candidate != null && text.contains(candidate.statement())) {
                        if (armed.compareAndSet(candidate, null)) {
                            target = candidate;
                        }
                    }
                    if (target != null && text.trim().equalsIgnoreCase("ROLLBACK")) {
                        armed.compareAndSet(null, target);
                        target = null;
                    }
                    if (target != null && text.trim().equalsIgnoreCase("COMMIT")) {
                        if (target.when() == When.BEFORE_COMMIT) {
                            cut();
                            return;
                        }
                        commitSent = true;
                    }
                    forward(out, type, length, body);
                }
            } catch (IOException | RuntimeException e) {
                close();
            }
        }

        void fromServer() {
            try (DataInputStream in = new DataInputStream(upstream.getInputStream())) {
                OutputStream out = client.getOutputStream();
                while (true) {
                    byte type = in.readByte();
                    int length = in.readInt();
                    byte[] body = in.readNBytes(length - 4);
                    if (type == 'C' && commitSent && new String(body, StandardCharsets.UTF_8).startsWith("COMMIT")) {
                        cut();
                        return;
                    }
                    forward(out, type, length, body);
                }
            } catch (IOException | RuntimeException e) {
                close();
            }
        }

        private static void forward(OutputStream out, byte type, int length, byte[] body) throws IOException {
            out.write(type);
            out.write(ByteBuffer.allocate(4).putInt(length).array());
            out.write(body);
            out.flush();
        }

        private void cut() {
            cuts.incrementAndGet();
            close();
        }

        private void close() {
            for (Socket socket : new Socket[] {client, upstream}) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // closing anyway
                }
                sockets.remove(socket);
            }
        }
    }

    /** The SQL of a Parse ({@code P}: name, then text) or simple Query ({@code Q}: text) message. */
    private static String statementOf(byte type, byte[] body) {
        int start = 0;
        if (type == 'P') {
            while (body[start] != 0) {
                start++;
            }
            start++;
        }
        int end = start;
        while (end < body.length && body[end] != 0) {
            end++;
        }
        return new String(body, start, end - start, StandardCharsets.UTF_8);
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : Set.copyOf(sockets)) {
            socket.close();
        }
    }
}
