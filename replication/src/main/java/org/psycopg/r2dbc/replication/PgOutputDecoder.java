// Reads pgoutput's messages (protocol versions 1 to 4) from XLogData payloads, values through the codecs.
package org.psycopg.r2dbc.replication;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.psycopg.r2dbc.codec.CodecRegistry;
import org.psycopg.r2dbc.codec.Format;
import org.psycopg.r2dbc.codec.Lsn;
import org.psycopg.r2dbc.replication.PgOutputMessage.Begin;
import org.psycopg.r2dbc.replication.PgOutputMessage.BeginPrepare;
import org.psycopg.r2dbc.replication.PgOutputMessage.Column;
import org.psycopg.r2dbc.replication.PgOutputMessage.Commit;
import org.psycopg.r2dbc.replication.PgOutputMessage.CommitPrepared;
import org.psycopg.r2dbc.replication.PgOutputMessage.Delete;
import org.psycopg.r2dbc.replication.PgOutputMessage.Insert;
import org.psycopg.r2dbc.replication.PgOutputMessage.LogicalMessage;
import org.psycopg.r2dbc.replication.PgOutputMessage.Origin;
import org.psycopg.r2dbc.replication.PgOutputMessage.Prepare;
import org.psycopg.r2dbc.replication.PgOutputMessage.Relation;
import org.psycopg.r2dbc.replication.PgOutputMessage.RollbackPrepared;
import org.psycopg.r2dbc.replication.PgOutputMessage.StreamAbort;
import org.psycopg.r2dbc.replication.PgOutputMessage.StreamCommit;
import org.psycopg.r2dbc.replication.PgOutputMessage.StreamPrepare;
import org.psycopg.r2dbc.replication.PgOutputMessage.StreamStart;
import org.psycopg.r2dbc.replication.PgOutputMessage.StreamStop;
import org.psycopg.r2dbc.replication.PgOutputMessage.Truncate;
import org.psycopg.r2dbc.replication.PgOutputMessage.Tuple;
import org.psycopg.r2dbc.replication.PgOutputMessage.Type;
import org.psycopg.r2dbc.replication.PgOutputMessage.Update;

/**
 * Decodes the payloads of one pgoutput stream, in order. Stateful: it remembers each Relation
 * to decode the rows that refer to it, and whether it is inside a streamed block (where data
 * messages carry their transaction id). Column values are decoded by the codec registry by the
 * column's type OID, in the format the server sent; a binary value of a type no codec reads is
 * kept as its bytes ({@code byte[]}), a text one as its String. Not thread-safe: one stream, one
 * decoder.
 *
 * @throws IllegalArgumentException from {@link #decode} on an unknown message type, a row of a
 *         relation never described, or a truncated message
 */
public final class PgOutputDecoder {

    private final CodecRegistry codecs;
    private final Map<Integer, Relation> relations = new HashMap<>();
    private boolean streaming;

    public PgOutputDecoder(CodecRegistry codecs) {
        this.codecs = codecs;
    }

    /** A decoder that reads values with {@link CodecRegistry#defaults()}. */
    public PgOutputDecoder() {
        this(CodecRegistry.defaults());
    }

    /** The relation last described under {@code oid}, or null. */
    public Relation relation(int oid) {
        return relations.get(oid);
    }

    /**
     * Decodes one XLogData payload (between position and limit; the buffer is not moved). A
     * read-only payload is copied once, so that values are read from an array and not copied each.
     */
    public PgOutputMessage decode(ByteBuffer payload) {
        ByteBuffer in;
        if (payload.hasArray()) {
            in = payload.slice();
        } else {
            byte[] copy = new byte[payload.remaining()];
            payload.get(payload.position(), copy);
            in = ByteBuffer.wrap(copy);
        }
        try {
            return read(in);
        } catch (java.nio.BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("pgoutput message truncated: " + payload.remaining() + " bytes", e);
        }
    }

    private PgOutputMessage read(ByteBuffer in) {
        byte kind = in.get();
        switch (kind) {
            case 'B':
                return new Begin(lsn(in), time(in), xid(in));
            case 'C':
                return new Commit(in.get(), lsn(in), lsn(in), time(in));
            case 'O':
                return new Origin(lsn(in), string(in));
            case 'R': {
                Relation relation = readRelation(in);
                relations.put(relation.oid(), relation);
                return relation;
            }
            case 'Y': {
                long xid = streamXid(in);
                return new Type(xid, in.getInt(), namespace(string(in)), string(in));
            }
            case 'I': {
                long xid = streamXid(in);
                Relation relation = relationOf(in.getInt());
                expect(in, 'N');
                return new Insert(xid, relation, tuple(in, relation));
            }
            case 'U':
                return readUpdate(in);
            case 'D': {
                long xid = streamXid(in);
                Relation relation = relationOf(in.getInt());
                char oldKind = (char) in.get();
                if (oldKind != 'K' && oldKind != 'O') {
                    throw new IllegalArgumentException("Delete: expected 'K' or 'O', got " + oldKind);
                }
                return new Delete(xid, relation, oldKind, tuple(in, relation));
            }
            case 'T': {
                long xid = streamXid(in);
                int count = in.getInt();
                int options = in.get();
                List<Relation> truncated = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    truncated.add(relationOf(in.getInt()));
                }
                return new Truncate(xid, List.copyOf(truncated), (options & 1) != 0, (options & 2) != 0);
            }
            case 'M': {
                long xid = streamXid(in);
                boolean transactional = (in.get() & 1) != 0;
                Lsn lsn = lsn(in);
                String prefix = string(in);
                byte[] content = new byte[in.getInt()];
                in.get(content);
                return new LogicalMessage(xid, transactional, lsn, prefix, ByteBuffer.wrap(content).asReadOnlyBuffer());
            }
            case 'S':
                streaming = true;
                return new StreamStart(xid(in), in.get() == 1);
            case 'E':
                streaming = false;
                return new StreamStop();
            case 'c':
                return new StreamCommit(xid(in), in.get(), lsn(in), lsn(in), time(in));
            case 'A': {
                long xid = xid(in);
                long subXid = xid(in);
                // Protocol 4 with streaming = parallel adds the abort's LSN and time.
                return in.remaining() >= 16 ? new StreamAbort(xid, subXid, lsn(in), time(in))
                        : new StreamAbort(xid, subXid, null, null);
            }
            case 'b':
                return new BeginPrepare(lsn(in), lsn(in), time(in), xid(in), string(in));
            case 'P':
                return new Prepare(in.get(), lsn(in), lsn(in), time(in), xid(in), string(in));
            case 'K':
                return new CommitPrepared(in.get(), lsn(in), lsn(in), time(in), xid(in), string(in));
            case 'r':
                return new RollbackPrepared(in.get(), lsn(in), lsn(in), time(in), time(in), xid(in), string(in));
            case 'p':
                return new StreamPrepare(in.get(), lsn(in), lsn(in), time(in), xid(in), string(in));
            default:
                throw new IllegalArgumentException("Unknown pgoutput message type '" + (char) kind + "' (" + kind + ")");
        }
    }

    private Relation readRelation(ByteBuffer in) {
        long xid = streamXid(in);
        int oid = in.getInt();
        String namespace = namespace(string(in));
        String name = string(in);
        char replicaIdentity = (char) in.get();
        int count = in.getShort() & 0xFFFF;
        List<Column> columns = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean key = (in.get() & 1) != 0;
            columns.add(new Column(key, string(in), in.getInt(), in.getInt()));
        }
        return new Relation(xid, oid, namespace, name, replicaIdentity, List.copyOf(columns));
    }

    private Update readUpdate(ByteBuffer in) {
        long xid = streamXid(in);
        Relation relation = relationOf(in.getInt());
        char kind = (char) in.get();
        char oldKind = 0;
        Tuple oldTuple = null;
        if (kind == 'K' || kind == 'O') {
            oldKind = kind;
            oldTuple = tuple(in, relation);
            kind = (char) in.get();
        }
        if (kind != 'N') {
            throw new IllegalArgumentException("Update: expected 'N', got " + kind);
        }
        return new Update(xid, relation, oldKind, oldTuple, tuple(in, relation));
    }

    private Tuple tuple(ByteBuffer in, Relation relation) {
        int count = in.getShort() & 0xFFFF;
        if (count > relation.columns().size()) {
            throw new IllegalArgumentException("Row of " + count + " columns for relation " + relation.name()
                    + " described with " + relation.columns().size());
        }
        Object[] values = new Object[count];
        for (int i = 0; i < count; i++) {
            byte kind = in.get();
            switch (kind) {
                case 'n':
                    values[i] = null;
                    break;
                case 'u':
                    values[i] = UnchangedToast.VALUE;
                    break;
                case 't':
                case 'b': {
                    int length = in.getInt();
                    ByteBuffer value = in.slice(in.position(), length);
                    in.position(in.position() + length);
                    values[i] = value(relation.column(i).typeOid(), kind == 'b' ? Format.BINARY : Format.TEXT, value);
                    break;
                }
                default:
                    throw new IllegalArgumentException("Unknown tuple column kind '" + (char) kind + "'");
            }
        }
        return new Tuple(Arrays.asList(values));
    }

    private Object value(int typeOid, Format format, ByteBuffer bytes) {
        try {
            return codecs.decode(typeOid, format, bytes, Object.class);
        } catch (IllegalArgumentException unreadable) {
            if (format == Format.TEXT) {
                return StandardCharsets.UTF_8.decode(bytes.duplicate()).toString();
            }
            byte[] raw = new byte[bytes.remaining()];
            bytes.duplicate().get(raw);
            return raw;
        }
    }

    private Relation relationOf(int oid) {
        Relation relation = relations.get(oid);
        if (relation == null) {
            throw new IllegalArgumentException("Change of relation OID " + Integer.toUnsignedString(oid)
                    + " before its Relation message");
        }
        return relation;
    }

    private long streamXid(ByteBuffer in) {
        return streaming ? xid(in) : 0;
    }

    private static void expect(ByteBuffer in, char expected) {
        char got = (char) in.get();
        if (got != expected) {
            throw new IllegalArgumentException("Expected '" + expected + "', got '" + got + "'");
        }
    }

    private static long xid(ByteBuffer in) {
        return in.getInt() & 0xFFFF_FFFFL;
    }

    private static Lsn lsn(ByteBuffer in) {
        return new Lsn(in.getLong());
    }

    private static Instant time(ByteBuffer in) {
        return ServerClock.toInstant(in.getLong());
    }

    private static String namespace(String name) {
        return name.isEmpty() ? "pg_catalog" : name;
    }

    /** A NUL-terminated UTF-8 string. */
    private static String string(ByteBuffer in) {
        int start = in.position();
        int end = start;
        while (in.get(end) != 0) {
            end++;
        }
        byte[] bytes = new byte[end - start];
        in.get(start, bytes);
        in.position(end + 1);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
