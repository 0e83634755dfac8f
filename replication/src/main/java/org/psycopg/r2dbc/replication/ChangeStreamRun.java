// One subscription of a ChangeStream: pgoutput messages in, ChangeEvents out, acknowledgements confirmed to the slot.
package org.psycopg.r2dbc.replication;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.psycopg.r2dbc.codec.Lsn;
import org.psycopg.r2dbc.replication.ChangeEvent.Operation;
import org.psycopg.r2dbc.replication.PgOutputMessage.Begin;
import org.psycopg.r2dbc.replication.PgOutputMessage.BeginPrepare;
import org.psycopg.r2dbc.replication.PgOutputMessage.Commit;
import org.psycopg.r2dbc.replication.PgOutputMessage.CommitPrepared;
import org.psycopg.r2dbc.replication.PgOutputMessage.Delete;
import org.psycopg.r2dbc.replication.PgOutputMessage.Insert;
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
import org.psycopg.r2dbc.replication.PgOutputMessage.Update;

/**
 * The decoding and acknowledgement state of one {@link ChangeStream#changes()} subscription.
 * {@link #events} runs on the connection's event loop, in stream order: it turns each message
 * into the events it completes (a streamed transaction's at its Stream Commit or Stream Prepare,
 * none at its abort). {@link #acknowledge} may come from any thread: once every event of a
 * transaction is acknowledged and its end has passed, that end is confirmed to the server.
 */
final class ChangeStreamRun {

    /** Orders events across the stream: by their transaction's commit position, then their own. */
    private record Position(long commit, long change) {

        static final Position START = new Position(0, 0);

        boolean atOrAfter(Position other) {
            int byCommit = Long.compareUnsigned(commit, other.commit);
            return byCommit > 0 || (byCommit == 0 && Long.compareUnsigned(change, other.change) >= 0);
        }
    }

    /** A transaction's end, confirmed once the last event before it has been acknowledged. */
    private record PendingCommit(Position lastEvent, Lsn endLsn) {
    }

    /** What the events of one transaction share: its id, commit (or prepare) position and time, its gid if prepared. */
    private record Transaction(long xid, Lsn commitLsn, Instant commitTime, String gid) {
    }

    /** A change of a streamed transaction, held until the transaction's outcome is known. */
    private record HeldChange(long subXid, Relation relation, Operation operation, Tuple before, Tuple after, Lsn lsn) {
    }

    private final ReplicationStream stream;
    private final PgOutputDecoder decoder;
    private final ArrayDeque<PendingCommit> pending = new ArrayDeque<>();
    /** The changes of streamed transactions by top-level xid, until Stream Commit, Prepare or Abort. */
    private final Map<Long, List<HeldChange>> streamed = new HashMap<>();
    private Transaction transaction;
    /** The top-level xid of the open streamed block, or -1 outside one. */
    private long streamXid = -1;
    /** The position of the last event delivered, as two longs; event loop only, read by {@link #committed}. */
    private long lastEventCommit;
    private long lastEventChange;
    private Position acknowledged = Position.START;

    ChangeStreamRun(ReplicationStream stream, PgOutputDecoder decoder) {
        this.stream = stream;
        this.decoder = decoder;
    }

    /** The events of one XLogData; runs on the event loop, in stream order. */
    List<ChangeEvent> events(XLogData data) {
        PgOutputMessage message = decoder.decode(data.payload());
        if (message instanceof Insert insert) {
            return change(insert.xid(), insert.relation(), Operation.INSERT, null, insert.newTuple(), data.start());
        }
        if (message instanceof Update update) {
            return change(update.xid(), update.relation(), Operation.UPDATE, update.oldTuple(), update.newTuple(), data.start());
        }
        if (message instanceof Delete delete) {
            return change(delete.xid(), delete.relation(), Operation.DELETE, delete.oldTuple(), null, data.start());
        }
        if (message instanceof Truncate truncate) {
            List<ChangeEvent> events = new ArrayList<>();
            for (Relation relation : truncate.relations()) {
                events.addAll(change(truncate.xid(), relation, Operation.TRUNCATE, null, null, data.start()));
            }
            return events;
        }
        if (message instanceof Begin begin) {
            transaction = new Transaction(begin.xid(), begin.finalLsn(), begin.commitTime(), null);
        } else if (message instanceof Commit commit) {
            transaction = null;
            committed(commit.endLsn());
        } else if (message instanceof StreamStart start) {
            streamXid = start.xid();
        } else if (message instanceof StreamStop) {
            streamXid = -1;
        } else if (message instanceof StreamCommit commit) {
            return release(new Transaction(commit.xid(), commit.commitLsn(), commit.commitTime(), null), commit.endLsn());
        } else if (message instanceof StreamAbort abort) {
            abort(abort);
        } else if (message instanceof BeginPrepare begin) {
            transaction = new Transaction(begin.xid(), begin.prepareLsn(), begin.prepareTime(), begin.gid());
        } else if (message instanceof Prepare prepare) {
            transaction = null;
            committed(prepare.endLsn());
        } else if (message instanceof StreamPrepare prepare) {
            return release(new Transaction(prepare.xid(), prepare.prepareLsn(), prepare.prepareTime(), prepare.gid()),
                    prepare.endLsn());
        } else if (message instanceof CommitPrepared commit) {
            return outcome(new Transaction(commit.xid(), commit.commitLsn(), commit.commitTime(), commit.gid()),
                    Operation.COMMIT_PREPARED, data.start(), commit.endLsn());
        } else if (message instanceof RollbackPrepared rollback) {
            return outcome(new Transaction(rollback.xid(), rollback.rollbackEndLsn(), rollback.rollbackTime(), rollback.gid()),
                    Operation.ROLLBACK_PREPARED, data.start(), rollback.rollbackEndLsn());
        }
        return List.of();
    }

    /** A row change: an event now, or held when it belongs to a streamed transaction ({@code xid} not 0). */
    private List<ChangeEvent> change(long xid, Relation relation, Operation operation, Tuple before, Tuple after, Lsn lsn) {
        if (xid != 0) {
            streamed.computeIfAbsent(streamXid, top -> new ArrayList<>())
                    .add(new HeldChange(xid, relation, operation, before, after, lsn));
            return List.of();
        }
        delivered(transaction, lsn);
        return List.of(event(transaction, relation, operation, before, after, lsn));
    }

    /** The held changes of a streamed transaction that committed (or was prepared), then its end. */
    private List<ChangeEvent> release(Transaction outcome, Lsn endLsn) {
        List<HeldChange> held = streamed.remove(outcome.xid());
        List<ChangeEvent> events = new ArrayList<>(held == null ? 0 : held.size());
        if (held != null) {
            for (HeldChange change : held) {
                events.add(event(outcome, change.relation(), change.operation(), change.before(), change.after(), change.lsn()));
            }
            delivered(outcome, held.get(held.size() - 1).lsn());
        }
        committed(endLsn);
        return events;
    }

    /** A streamed transaction, or one of its subtransactions, aborted: its held changes never surface. */
    private void abort(StreamAbort abort) {
        if (abort.xid() == abort.subXid()) {
            streamed.remove(abort.xid());
        } else {
            List<HeldChange> held = streamed.get(abort.xid());
            if (held != null) {
                held.removeIf(change -> change.subXid() == abort.subXid());
            }
        }
    }

    /** A prepared transaction's COMMIT PREPARED or ROLLBACK PREPARED, as an event of its own. */
    private List<ChangeEvent> outcome(Transaction outcome, Operation operation, Lsn lsn, Lsn endLsn) {
        delivered(outcome, lsn);
        ChangeEvent event = new ChangeEvent(null, null, operation, Map.of(), Map.of(), lsn, outcome.commitLsn(),
                outcome.xid(), outcome.commitTime(), outcome.gid());
        committed(endLsn);
        return List.of(event);
    }

    private static ChangeEvent event(Transaction transaction, Relation relation, Operation operation, Tuple before,
                                     Tuple after, Lsn lsn) {
        return new ChangeEvent(relation.namespace(), relation.name(), operation, columns(relation, before),
                columns(relation, after), lsn, transaction.commitLsn(), transaction.xid(), transaction.commitTime(),
                transaction.gid());
    }

    private static Map<String, Object> columns(Relation relation, Tuple tuple) {
        return tuple == null ? Map.of() : new ColumnValues(relation, tuple);
    }

    private void delivered(Transaction owner, Lsn change) {
        lastEventCommit = owner.commitLsn().value();
        lastEventChange = change.value();
    }

    private synchronized void committed(Lsn endLsn) {
        Position lastEvent = new Position(lastEventCommit, lastEventChange);
        if (acknowledged.atOrAfter(lastEvent)) {
            stream.acknowledge(endLsn);
        } else {
            pending.add(new PendingCommit(lastEvent, endLsn));
        }
    }

    synchronized void acknowledge(ChangeEvent event) {
        Position position = new Position(event.commitLsn().value(), event.lsn().value());
        if (position.atOrAfter(acknowledged)) {
            acknowledged = position;
        }
        stream.acknowledge(event.lsn());
        while (!pending.isEmpty() && acknowledged.atOrAfter(pending.peek().lastEvent())) {
            stream.acknowledge(pending.poll().endLsn());
        }
    }

    /** The position confirmed to the server so far. */
    Lsn acknowledged() {
        return stream.acknowledged();
    }
}
