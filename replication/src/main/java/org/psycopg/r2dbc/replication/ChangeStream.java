// Change data capture in a few lines: a publication and a slot, streamed as ChangeEvents with acknowledgement.
package org.psycopg.r2dbc.replication;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.psycopg.r2dbc.PsycopgConnectionConfiguration;
import org.psycopg.r2dbc.PsycopgResult;
import org.psycopg.r2dbc.codec.CodecRegistry;
import org.psycopg.r2dbc.codec.Lsn;
import org.psycopg.r2dbc.replication.ChangeEvent.Operation;
import org.psycopg.r2dbc.replication.PgOutputMessage.Begin;
import org.psycopg.r2dbc.replication.PgOutputMessage.Commit;
import org.psycopg.r2dbc.replication.PgOutputMessage.Delete;
import org.psycopg.r2dbc.replication.PgOutputMessage.Insert;
import org.psycopg.r2dbc.replication.PgOutputMessage.Relation;
import org.psycopg.r2dbc.replication.PgOutputMessage.Truncate;
import org.psycopg.r2dbc.replication.PgOutputMessage.Tuple;
import org.psycopg.r2dbc.replication.PgOutputMessage.Update;
import org.psycopg.r2dbc.sql.Identifier;
import org.psycopg.r2dbc.sql.Literal;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The committed changes of the tables in a publication, from a logical slot decoded by pgoutput,
 * as {@link ChangeEvent}s:
 *
 * <pre>{@code
 * ChangeStream cdc = ChangeStream.builder(configuration).slot("cdc").publication("cdc_pub")
 *         .createPublicationForTables("items").build();
 * cdc.changes().concatMap(e -> store(e).doOnSuccess(done -> cdc.acknowledge(e))).subscribe();
 * }</pre>
 *
 * <p>Each subscription to {@link #changes()} opens a replication connection, creates the
 * publication and the slot when asked and missing, and streams from the slot's confirmed
 * position; cancelling closes the connection. Events come on demand (no demand: the server
 * waits) on the connection's event loop.
 *
 * <p>Delivery is at least once. {@link #acknowledge(ChangeEvent)} says an event and every one
 * before it have been durably handled; acknowledge in delivery order. Once the last event of a
 * transaction is acknowledged (and its Commit has arrived) the whole transaction is confirmed to
 * the server; a restart resumes after it. An event acknowledged in the middle of a transaction
 * confirms less: after a restart that transaction is delivered again from its start. Transactions
 * with no events for this publication are confirmed as they pass, and with
 * {@link ReplicationStreamOptions#advanceOnKeepalive()} an idle database advances the slot too.
 * Thread-safe.
 */
public final class ChangeStream {

    private final PsycopgConnectionConfiguration.Builder configuration;
    private final String slot;
    private final String publication;
    private final String publicationTables;
    private final boolean createSlot;
    private final boolean binary;
    private final CodecRegistry codecs;
    private final ReplicationStreamOptions streamOptions;
    private final AtomicReference<Run> current = new AtomicReference<>();

    private ChangeStream(Builder builder) {
        this.configuration = builder.configuration;
        this.slot = Objects.requireNonNull(builder.slot, "slot");
        this.publication = Objects.requireNonNull(builder.publication, "publication");
        this.publicationTables = builder.publicationTables;
        this.createSlot = builder.createSlot;
        this.binary = builder.binary;
        this.codecs = builder.codecs;
        this.streamOptions = builder.streamOptions;
    }

    /** A stream over the server that {@code configuration} reaches (its user needs the REPLICATION attribute). */
    public static Builder builder(PsycopgConnectionConfiguration.Builder configuration) {
        return new Builder(configuration);
    }

    /** Connects, prepares the publication and slot as configured, and streams their changes. */
    public Flux<ChangeEvent> changes() {
        return Flux.usingWhen(ReplicationConnection.open(configuration, ReplicationMode.LOGICAL),
                connection -> prepare(connection).thenMany(Flux.defer(() -> {
                    Map<String, String> options = new LinkedHashMap<>();
                    options.put("proto_version", "1");
                    options.put("publication_names", Identifier.of(publication).render());
                    if (binary) {
                        options.put("binary", "true");
                    }
                    ReplicationStream stream = connection.startLogical(slot, Lsn.INVALID, options, streamOptions);
                    Run run = new Run(stream, new PgOutputDecoder(codecs));
                    current.set(run);
                    return stream.messages().concatMapIterable(run::events, 32);
                })),
                ReplicationConnection::close);
    }

    /** Marks {@code event} and everything delivered before it as durably handled. */
    public void acknowledge(ChangeEvent event) {
        Run run = current.get();
        if (run != null) {
            run.acknowledge(event);
        }
    }

    /** The position confirmed to the server so far by the current run, or {@link Lsn#INVALID} before one. */
    public Lsn acknowledged() {
        Run run = current.get();
        return run == null ? Lsn.INVALID : run.stream.acknowledged();
    }

    private Mono<Void> prepare(ReplicationConnection connection) {
        Mono<Void> publicationReady = publicationTables == null ? Mono.empty()
                : count(connection, "SELECT count(*) FROM pg_publication WHERE pubname = " + Literal.of(publication).render())
                        .flatMap(n -> n > 0 ? Mono.empty() : connection.sql("CREATE PUBLICATION "
                                + Identifier.of(publication).render() + " " + publicationTables)
                                .concatMap(PsycopgResult::getRowsUpdated).then());
        Mono<Void> slotReady = !createSlot ? Mono.empty()
                : count(connection, "SELECT count(*) FROM pg_replication_slots WHERE slot_name = " + Literal.of(slot).render())
                        .flatMap(n -> n > 0 ? Mono.empty() : connection.createSlot(
                                CreateReplicationSlot.logical(slot, "pgoutput").withSnapshot(SnapshotAction.NOTHING)).then());
        return publicationReady.then(slotReady);
    }

    private static Mono<Long> count(ReplicationConnection connection, String sql) {
        return connection.sql(sql).concatMap(r -> r.map(row -> Long.parseLong(row.get(0, String.class)))).next();
    }

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

    /** One subscription's decoding and acknowledgement state. */
    private static final class Run {

        private final ReplicationStream stream;
        private final PgOutputDecoder decoder;
        private final ArrayDeque<PendingCommit> pending = new ArrayDeque<>();
        private Begin transaction;
        private Position lastEvent = Position.START;
        private Position acknowledged = Position.START;

        Run(ReplicationStream stream, PgOutputDecoder decoder) {
            this.stream = stream;
            this.decoder = decoder;
        }

        /** The events of one XLogData; runs on the event loop, in stream order. */
        List<ChangeEvent> events(XLogData data) {
            PgOutputMessage message = decoder.decode(data.payload());
            if (message instanceof Begin begin) {
                transaction = begin;
                return List.of();
            }
            if (message instanceof Commit commit) {
                transaction = null;
                committed(commit.endLsn());
                return List.of();
            }
            List<ChangeEvent> events;
            if (message instanceof Insert insert) {
                events = List.of(event(insert.relation(), Operation.INSERT, null, insert.newTuple(), data));
            } else if (message instanceof Update update) {
                events = List.of(event(update.relation(), Operation.UPDATE, update.oldTuple(), update.newTuple(), data));
            } else if (message instanceof Delete delete) {
                events = List.of(event(delete.relation(), Operation.DELETE, delete.oldTuple(), null, data));
            } else if (message instanceof Truncate truncate) {
                events = new ArrayList<>();
                for (Relation relation : truncate.relations()) {
                    events.add(event(relation, Operation.TRUNCATE, null, null, data));
                }
            } else {
                return List.of();
            }
            synchronized (this) {
                lastEvent = position(data.start());
            }
            return events;
        }

        private ChangeEvent event(Relation relation, Operation operation, Tuple before, Tuple after, XLogData data) {
            return new ChangeEvent(relation.namespace(), relation.name(), operation, columns(relation, before),
                    columns(relation, after), data.start(), transaction.finalLsn(), transaction.xid(), transaction.commitTime());
        }

        private static Map<String, Object> columns(Relation relation, Tuple tuple) {
            if (tuple == null) {
                return Map.of();
            }
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 0; i < tuple.size(); i++) {
                values.put(relation.column(i).name(), tuple.get(i));
            }
            return Collections.unmodifiableMap(values);
        }

        private Position position(Lsn change) {
            return new Position(transaction.finalLsn().value(), change.value());
        }

        private synchronized void committed(Lsn endLsn) {
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
    }

    /** Settings of a {@link ChangeStream}; {@link #slot} and {@link #publication} are required. */
    public static final class Builder {

        private final PsycopgConnectionConfiguration.Builder configuration;
        private String slot;
        private String publication;
        private String publicationTables;
        private boolean createSlot = true;
        private boolean binary;
        private CodecRegistry codecs = CodecRegistry.defaults();
        private ReplicationStreamOptions streamOptions = ReplicationStreamOptions.DEFAULTS;

        private Builder(PsycopgConnectionConfiguration.Builder configuration) {
            this.configuration = Objects.requireNonNull(configuration, "configuration");
        }

        /** The logical slot to stream from. */
        public Builder slot(String slot) {
            this.slot = slot;
            return this;
        }

        /** The publication whose tables are streamed. */
        public Builder publication(String publication) {
            this.publication = publication;
            return this;
        }

        /** Creates the publication, when it does not exist, for these tables (names as written in SQL, may be schema-qualified). */
        public Builder createPublicationForTables(String... tables) {
            List<String> names = new ArrayList<>();
            for (String table : tables) {
                names.add(Identifier.of(table.split("\\.", 2)).render());
            }
            this.publicationTables = "FOR TABLE " + String.join(", ", names);
            return this;
        }

        /** Creates the publication, when it does not exist, for all tables. */
        public Builder createPublicationForAllTables() {
            this.publicationTables = "FOR ALL TABLES";
            return this;
        }

        /** Whether to create the slot (pgoutput, no snapshot) when it does not exist; on by default. */
        public Builder createSlot(boolean create) {
            this.createSlot = create;
            return this;
        }

        /** Asks pgoutput for binary values (faster for most types; the types must match on both sides). */
        public Builder binary(boolean binary) {
            this.binary = binary;
            return this;
        }

        /** The codecs that decode column values; {@link CodecRegistry#defaults()} unless set. */
        public Builder codecs(CodecRegistry codecs) {
            this.codecs = Objects.requireNonNull(codecs, "codecs");
            return this;
        }

        public Builder streamOptions(ReplicationStreamOptions options) {
            this.streamOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        public ChangeStream build() {
            return new ChangeStream(this);
        }
    }
}
