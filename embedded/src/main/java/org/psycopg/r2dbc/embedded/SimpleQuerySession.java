// A minimal blocking session over the Unix socket: trust login, simple-query protocol, rows as text.
package org.psycopg.r2dbc.embedded;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The embedded server's own client, for its bootstrap and for {@link EmbeddedPostgres#execute}: it
 * logs in over the Unix socket, where {@code pg_hba.conf} trusts every role, and runs simple queries
 * (protocol 3.0, text results). It is no driver: it keeps no state beyond one session and is not
 * thread-safe.
 */
final class SimpleQuerySession implements AutoCloseable {

    private static final int PROTOCOL_3_0 = 196608;

    private final SocketChannel channel;
    private final DataInputStream in;
    private final DataOutputStream out;
    private final Map<String, String> parameters = new HashMap<>();

    private SimpleQuerySession(SocketChannel channel) {
        this.channel = channel;
        this.in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel)));
        this.out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel)));
    }

    /** Logs in as {@code user} to {@code database} through the socket in {@code socketFolder}. */
    static SimpleQuerySession open(Path socketFolder, int port, String user, String database) throws IOException {
        SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socketFolder.resolve(".s.PGSQL." + port)));
        SimpleQuerySession session = new SimpleQuerySession(channel);
        try {
            session.startup(user, database);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return session;
    }

    /** The parameters the server reported at login ({@code server_version}, {@code TimeZone}...). */
    Map<String, String> parameters() {
        return Collections.unmodifiableMap(parameters);
    }

    /**
     * Runs {@code sql}, one or more statements, and returns the rows of every result in order, each
     * value as PostgreSQL's text (null for SQL NULL).
     *
     * @throws IllegalStateException carrying the SQLSTATE and message when the server reports an error
     */
    List<List<String>> execute(String sql) throws IOException {
        byte[] text = sql.getBytes(StandardCharsets.UTF_8);
        out.writeByte('Q');
        out.writeInt(4 + text.length + 1);
        out.write(text);
        out.writeByte(0);
        out.flush();
        List<List<String>> rows = new ArrayList<>();
        String error = null;
        while (true) {
            char type = (char) in.readUnsignedByte();
            ByteBuffer body = readBody();
            switch (type) {
                case 'D' -> rows.add(dataRow(body));
                case 'E' -> error = error == null ? errorText(body) : error;
                case 'S' -> parameters.put(string(body), string(body));
                case 'Z' -> {
                    if (error != null) {
                        throw new IllegalStateException(error + " (in: " + sql + ")");
                    }
                    return rows;
                }
                default -> {
                    // RowDescription, CommandComplete, EmptyQueryResponse, notices, notifications
                }
            }
        }
    }

    /** Ends the session politely and closes the socket. */
    @Override
    public void close() throws IOException {
        try {
            out.writeByte('X');
            out.writeInt(4);
            out.flush();
        } finally {
            channel.close();
        }
    }

    private void startup(String user, String database) throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        DataOutputStream body = new DataOutputStream(message);
        body.writeInt(PROTOCOL_3_0);
        for (String text : new String[] {"user", user, "database", database, "client_encoding", "UTF8"}) {
            body.write(text.getBytes(StandardCharsets.UTF_8));
            body.writeByte(0);
        }
        body.writeByte(0);
        out.writeInt(4 + message.size());
        message.writeTo(out);
        out.flush();
        while (true) {
            char type = (char) in.readUnsignedByte();
            ByteBuffer payload = readBody();
            switch (type) {
                case 'R' -> {
                    int request = payload.getInt();
                    if (request != 0) {
                        throw new IOException("the server asks for authentication (request " + request
                                + ") on its Unix socket, which the embedded server's pg_hba.conf trusts");
                    }
                }
                case 'S' -> parameters.put(string(payload), string(payload));
                case 'E' -> throw new IOException("login over the Unix socket failed: " + errorText(payload));
                case 'Z' -> {
                    return;
                }
                default -> {
                    // BackendKeyData, notices
                }
            }
        }
    }

    private ByteBuffer readBody() throws IOException {
        byte[] body = new byte[in.readInt() - 4];
        in.readFully(body);
        return ByteBuffer.wrap(body);
    }

    private static List<String> dataRow(ByteBuffer body) {
        int columns = body.getShort();
        List<String> row = new ArrayList<>(columns);
        for (int i = 0; i < columns; i++) {
            int length = body.getInt();
            if (length < 0) {
                row.add(null);
            } else {
                row.add(new String(body.array(), body.position(), length, StandardCharsets.UTF_8));
                body.position(body.position() + length);
            }
        }
        return row;
    }

    /** "ERROR 42P01: relation ... does not exist", from an ErrorResponse's fields. */
    private static String errorText(ByteBuffer body) {
        Map<Character, String> fields = new HashMap<>();
        for (byte code = body.get(); code != 0; code = body.get()) {
            fields.put((char) code, string(body));
        }
        return fields.getOrDefault('V', fields.get('S')) + " " + fields.get('C') + ": " + fields.get('M');
    }

    private static String string(ByteBuffer body) {
        int start = body.position();
        while (body.get() != 0) {
            // find the terminating zero
        }
        return new String(body.array(), start, body.position() - start - 1, StandardCharsets.UTF_8);
    }
}
