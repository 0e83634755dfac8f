// The messages of the pgoutput logical decoding plugin (protocol versions 1 to 4), decoded.
package org.psycopg.r2dbc.replication;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.psycopg.r2dbc.codec.Lsn;

/**
 * One message of pgoutput, as PostgreSQL's "Logical Replication Message Formats" define it, made
 * by {@link PgOutputDecoder}. Every type is immutable. Transaction ids are unsigned 32-bit values
 * in a {@code long}; a data message's {@code xid} is the streamed transaction it belongs to, or 0
 * outside a streamed transaction (Stream Start ... Stream Stop).
 */
public sealed interface PgOutputMessage {

    /** Begin ('B'): a transaction's changes follow. */
    record Begin(Lsn finalLsn, Instant commitTime, long xid) implements PgOutputMessage {
    }

    /** Commit ('C'). {@code endLsn} is what to acknowledge once the transaction is handled. */
    record Commit(int flags, Lsn commitLsn, Lsn endLsn, Instant commitTime) implements PgOutputMessage {
    }

    /** Origin ('O'): the transaction was replicated from the named origin. */
    record Origin(Lsn commitLsn, String name) implements PgOutputMessage {
    }

    /** A column of a {@link Relation}. {@code key} when it is part of the replica identity. */
    record Column(boolean key, String name, int typeOid, int typeModifier) {
    }

    /**
     * Relation ('R'): a table's description, sent before its first change and after each
     * change of its definition. {@code namespace} is {@code pg_catalog} when the server sent
     * the empty name that stands for it. {@code replicaIdentity} is {@code d} (default, the
     * primary key), {@code n} (nothing), {@code f} (full row) or {@code i} (an index).
     */
    record Relation(long xid, int oid, String namespace, String name, char replicaIdentity, List<Column> columns)
            implements PgOutputMessage {

        /** The column at {@code index}. */
        public Column column(int index) {
            return columns.get(index);
        }
    }

    /** Type ('Y'): a non-built-in data type used by a following Relation. */
    record Type(long xid, int oid, String namespace, String name) implements PgOutputMessage {
    }

    /**
     * A row's column values in the relation's column order: the Java value the codecs decode
     * (text or binary, as the stream's {@code binary} option asked), {@code null} for SQL NULL, or
     * {@link UnchangedToast#VALUE} for an unchanged out-of-line value that was not sent.
     */
    record Tuple(List<Object> values) {

        public Tuple {
            values = Collections.unmodifiableList(values);
        }

        public Object get(int index) {
            return values.get(index);
        }

        public int size() {
            return values.size();
        }
    }

    /** Insert ('I'). */
    record Insert(long xid, Relation relation, Tuple newTuple) implements PgOutputMessage {
    }

    /**
     * Update ('U'). {@code oldTuple} is null unless the replica identity changed (old key
     * columns only, other columns null: {@code oldKind} 'K') or the table has REPLICA IDENTITY
     * FULL (the whole old row: 'O'); {@code oldKind} is 0 when there is none.
     */
    record Update(long xid, Relation relation, char oldKind, Tuple oldTuple, Tuple newTuple) implements PgOutputMessage {
    }

    /** Delete ('D'): the old key ('K') or, with REPLICA IDENTITY FULL, the whole old row ('O'). */
    record Delete(long xid, Relation relation, char oldKind, Tuple oldTuple) implements PgOutputMessage {
    }

    /** Truncate ('T') of one or more tables at once. */
    record Truncate(long xid, List<Relation> relations, boolean cascade, boolean restartIdentity) implements PgOutputMessage {
    }

    /** Message ('M'): what {@code pg_logical_emit_message} wrote (with the {@code messages} option on). */
    record LogicalMessage(long xid, boolean transactional, Lsn lsn, String prefix, ByteBuffer content)
            implements PgOutputMessage {
    }

    /** Stream Start ('S'): changes of an in-progress transaction follow (protocol 2+, {@code streaming} on). */
    record StreamStart(long xid, boolean firstSegment) implements PgOutputMessage {
    }

    /** Stream Stop ('E'): the end of a block of streamed changes. */
    record StreamStop() implements PgOutputMessage {
    }

    /** Stream Commit ('c'): a streamed transaction committed. */
    record StreamCommit(long xid, int flags, Lsn commitLsn, Lsn endLsn, Instant commitTime) implements PgOutputMessage {
    }

    /**
     * Stream Abort ('A'): a streamed (sub)transaction aborted. {@code abortLsn} and
     * {@code abortTime} are sent by protocol 4 with {@code streaming = parallel} only, else null.
     */
    record StreamAbort(long xid, long subXid, Lsn abortLsn, Instant abortTime) implements PgOutputMessage {
    }

    /** Begin Prepare ('b'): a transaction prepared for two-phase commit follows (protocol 3+, {@code two_phase} on). */
    record BeginPrepare(Lsn prepareLsn, Lsn endLsn, Instant prepareTime, long xid, String gid) implements PgOutputMessage {
    }

    /** Prepare ('P'): the end of a prepared transaction's changes. */
    record Prepare(int flags, Lsn prepareLsn, Lsn endLsn, Instant prepareTime, long xid, String gid) implements PgOutputMessage {
    }

    /** Commit Prepared ('K'). */
    record CommitPrepared(int flags, Lsn commitLsn, Lsn endLsn, Instant commitTime, long xid, String gid)
            implements PgOutputMessage {
    }

    /** Rollback Prepared ('r'). */
    record RollbackPrepared(int flags, Lsn prepareEndLsn, Lsn rollbackEndLsn, Instant prepareTime, Instant rollbackTime,
                            long xid, String gid) implements PgOutputMessage {
    }

    /** Stream Prepare ('p'): a streamed transaction was prepared. */
    record StreamPrepare(int flags, Lsn prepareLsn, Lsn endLsn, Instant prepareTime, long xid, String gid)
            implements PgOutputMessage {
    }
}
