// Change data capture in a few lines: a publication and a slot, streamed as ChangeEvents with acknowledgement.
package org.psycopg.r2dbc.replication;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.psycopg.r2dbc.PsycopgConnectionConfiguration;
import org.psycopg.r2dbc.PsycopgResult;
import org.psycopg.r2dbc.codec.CodecRegistry;
import org.psycopg.r2dbc.codec.Lsn;
import org.psycopg.r2dbc.sql.Identifier;
import org.psycopg.r2dbc.sql.Literal;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuples;

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
 * <p>pgoutput is asked for the highest protocol version the server speaks (4 from PostgreSQL 16,
 * 3 on 15, 2 on 14) with {@code streaming} ({@code parallel} from 16, {@code on} before) unless
 * {@link Builder#streaming(boolean)} turns it off, and with {@code two_phase} when the slot is a
 * two-phase one. A transaction larger than the server's {@code logical_decoding_work_mem} then
 * arrives in blocks while it runs; its changes are held here and delivered once its Stream Commit
 * arrives, as those of any other transaction, and dropped if it aborts: only committed changes
 * are delivered, in commit order. (Held in memory: with transactions larger than the heap, turn
 * streaming off and the server spills them to its disk instead.) With a two-phase slot
 * ({@link Builder#twoPhase(boolean)}) a prepared transaction's changes arrive at its PREPARE
 * TRANSACTION marked with its gid, and its outcome follows: see {@link ChangeEvent}.
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
    private final boolean streaming;
    private final boolean twoPhase;
    private final CodecRegistry codecs;
    private final ReplicationStreamOptions streamOptions;
    private final AtomicReference<ChangeStreamRun> current = new AtomicReference<>();

    private ChangeStream(Builder builder) {
        this.configuration = builder.configuration;
        this.slot = Objects.requireNonNull(builder.slot, "slot");
        this.publication = Objects.requireNonNull(builder.publication, "publication");
        this.publicationTables = builder.publicationTables;
        this.createSlot = builder.createSlot;
        this.binary = builder.binary;
        this.streaming = builder.streaming;
        this.twoPhase = builder.twoPhase;
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
                connection -> prepare(connection).flatMap(twoPhase -> decodingCodecs(connection).map(registry -> Tuples.of(twoPhase, registry)))
                        .flatMapMany(prepared -> {
                    Map<String, String> options = pluginOptions(connection.serverVersionNumber(), prepared.getT1());
                    ReplicationStream stream = connection.startLogical(slot, Lsn.INVALID, options, streamOptions);
                    ChangeStreamRun run = new ChangeStreamRun(stream, new PgOutputDecoder(prepared.getT2()));
                    current.set(run);
                    return stream.messages().concatMapIterable(run::events, 32);
                }),
                ReplicationConnection::close);
    }

    /** Marks {@code event} and everything delivered before it as durably handled. */
    public void acknowledge(ChangeEvent event) {
        ChangeStreamRun run = current.get();
        if (run != null) {
            run.acknowledge(event);
        }
    }

    /** The position confirmed to the server so far by the current run, or {@link Lsn#INVALID} before one. */
    public Lsn acknowledged() {
        ChangeStreamRun run = current.get();
        return run == null ? Lsn.INVALID : run.acknowledged();
    }

    /** pgoutput's options for a server of {@code version} (as {@code server_version_num}). */
    private Map<String, String> pluginOptions(int version, boolean slotIsTwoPhase) {
        int protocol = version >= 160000 ? 4 : version >= 150000 ? 3 : version >= 140000 ? 2 : 1;
        Map<String, String> options = new LinkedHashMap<>();
        options.put("proto_version", Integer.toString(protocol));
        options.put("publication_names", Identifier.of(publication).render());
        if (binary) {
            options.put("binary", "true");
        }
        if (streaming && protocol >= 2) {
            options.put("streaming", protocol >= 4 ? "parallel" : "on");
        }
        if (slotIsTwoPhase && protocol >= 3) {
            options.put("two_phase", "on");
        }
        return options;
    }

    /** Creates what is missing; tells whether the slot decodes prepared transactions at PREPARE. */
    private Mono<Boolean> prepare(ReplicationConnection connection) {
        Mono<Void> publicationReady = publicationTables == null ? Mono.empty()
                : count(connection, "SELECT count(*) FROM pg_publication WHERE pubname = " + Literal.of(publication).render())
                        .flatMap(n -> n > 0 ? Mono.empty() : connection.sql("CREATE PUBLICATION "
                                + Identifier.of(publication).render() + " " + publicationTables)
                                .concatMap(PsycopgResult::getRowsUpdated).then());
        Mono<Void> slotReady = !createSlot ? Mono.empty()
                : count(connection, "SELECT count(*) FROM pg_replication_slots WHERE slot_name = " + Literal.of(slot).render())
                        .flatMap(n -> n > 0 ? Mono.empty() : connection.createSlot(newSlot()).then());
        Mono<Boolean> slotIsTwoPhase = connection.serverVersionNumber() < 140000 ? Mono.just(false)
                : count(connection, "SELECT count(*) FROM pg_replication_slots WHERE two_phase AND slot_name = "
                        + Literal.of(slot).render()).map(n -> n > 0);
        return publicationReady.then(slotReady).then(slotIsTwoPhase);
    }

    /**
     * The codecs with every type of the publication's columns: user enums, composites and domains
     * are learned from the catalog before streaming (a column given such a type later reads as its
     * bytes or text).
     */
    private Mono<CodecRegistry> decodingCodecs(ReplicationConnection connection) {
        String columnTypes = "SELECT DISTINCT a.atttypid FROM pg_catalog.pg_publication_tables p"
                + " JOIN pg_catalog.pg_namespace n ON n.nspname = p.schemaname"
                + " JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relname = p.tablename"
                + " JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped"
                + " WHERE p.pubname = " + Literal.of(publication).render();
        return connection.sql(columnTypes)
                .concatMap(r -> r.map(row -> (int) Long.parseLong(row.get(0, String.class))))
                .collectList()
                .flatMap(oids -> connection.learnTypes(codecs, oids));
    }

    private CreateReplicationSlot newSlot() {
        CreateReplicationSlot create = CreateReplicationSlot.logical(slot, "pgoutput").withSnapshot(SnapshotAction.NOTHING);
        return twoPhase ? create.withTwoPhase() : create;
    }

    private static Mono<Long> count(ReplicationConnection connection, String sql) {
        return connection.sql(sql).concatMap(r -> r.map(row -> Long.parseLong(row.get(0, String.class)))).next();
    }

    /** Settings of a {@link ChangeStream}; {@link #slot} and {@link #publication} are required. */
    public static final class Builder {

        private final PsycopgConnectionConfiguration.Builder configuration;
        private String slot;
        private String publication;
        private String publicationTables;
        private boolean createSlot = true;
        private boolean binary;
        private boolean streaming = true;
        private boolean twoPhase;
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

        /**
         * Whether pgoutput may stream a transaction larger than {@code logical_decoding_work_mem}
         * while it runs (held here until it commits); on by default. Off, the server spills it
         * to disk and sends it at its commit.
         */
        public Builder streaming(boolean streaming) {
            this.streaming = streaming;
            return this;
        }

        /**
         * Whether a slot created here is a two-phase one (off by default): prepared transactions
         * then arrive at PREPARE TRANSACTION, their outcome after. An existing slot keeps what it
         * was created with.
         */
        public Builder twoPhase(boolean twoPhase) {
            this.twoPhase = twoPhase;
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
