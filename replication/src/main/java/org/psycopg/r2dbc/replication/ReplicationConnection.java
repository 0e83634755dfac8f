// A walsender connection: the replication commands, and START_REPLICATION as a ReplicationStream.
package org.psycopg.r2dbc.replication;

import io.r2dbc.spi.Readable;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Function;
import org.psycopg.r2dbc.PsycopgConnection;
import org.psycopg.r2dbc.PsycopgConnectionConfiguration;
import org.psycopg.r2dbc.PsycopgConnectionFactory;
import org.psycopg.r2dbc.PsycopgResult;
import org.psycopg.r2dbc.codec.CodecRegistry;
import org.psycopg.r2dbc.codec.Lsn;
import org.psycopg.r2dbc.sql.Identifier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A connection opened with the {@code replication} startup parameter, speaking the streaming
 * replication protocol. Commands run over the simple query protocol, one at a time in the order
 * issued; a {@link ReplicationStream} holds the connection until it ends. A
 * {@link ReplicationMode#LOGICAL} connection also runs plain SQL through {@link #sql(String)}.
 * Every command fails with the server's error (a {@code PostgresException}); the connection goes
 * on. Thread-safe.
 */
public final class ReplicationConnection {

    private final PsycopgConnection connection;
    private final ReplicationMode mode;
    private final PsycopgConnectionConfiguration plain;

    private ReplicationConnection(PsycopgConnection connection, ReplicationMode mode, PsycopgConnectionConfiguration plain) {
        this.connection = connection;
        this.mode = mode;
        this.plain = plain;
    }

    /**
     * Opens a replication connection with the settings of {@code configuration} (host, user, TLS...)
     * plus {@code replication=database} or {@code replication=true}. The user needs the REPLICATION
     * attribute and a {@code replication} (physical) or database (logical) line in pg_hba.conf.
     * The {@code replication} startup parameter is set on {@code configuration} itself. A
     * heartbeat ({@link ReplicationStreamOptions#heartbeatInterval()}) opens a normal connection
     * with the same settings and {@code replication=false}.
     */
    public static Mono<ReplicationConnection> open(PsycopgConnectionConfiguration.Builder configuration, ReplicationMode mode) {
        Objects.requireNonNull(mode, "mode");
        // replication=false: the same server, user and database over a normal connection, for heartbeats.
        PsycopgConnectionConfiguration plain = configuration.startupParameter("replication", "false").build();
        PsycopgConnectionFactory factory = new PsycopgConnectionFactory(
                configuration.startupParameter("replication", mode.parameter()).build());
        return factory.create().map(connection -> new ReplicationConnection(connection, mode, plain));
    }

    /**
     * {@code base} grown by the types among {@code typeOids} it lacks (user enums, composites,
     * domains, extension types), read from the catalog over a normal connection with the same
     * settings: a walsender runs no extended-protocol queries. No connection when all are known.
     */
    public Mono<CodecRegistry> learnTypes(CodecRegistry base, Collection<Integer> typeOids) {
        if (typeOids.stream().allMatch(oid -> base.type(oid) != null)) {
            return Mono.just(base);
        }
        return Mono.usingWhen(new PsycopgConnectionFactory(plain).create(),
                catalog -> catalog.learnTypes(base, typeOids), PsycopgConnection::close);
    }

    public ReplicationMode mode() {
        return mode;
    }

    /** The server's version as {@code server_version_num} gives it (170006 for 17.6). */
    public int serverVersionNumber() {
        return connection.info().serverVersionNumber();
    }

    /** {@code IDENTIFY_SYSTEM}. */
    public Mono<SystemIdentity> identifySystem() {
        return single("IDENTIFY_SYSTEM", row -> new SystemIdentity(text(row, "systemid"),
                Integer.parseInt(text(row, "timeline")), Lsn.parse(text(row, "xlogpos")), text(row, "dbname")));
    }

    /** {@code CREATE_REPLICATION_SLOT}; with {@link SnapshotAction#EXPORT} the snapshot lives until the next command here. */
    public Mono<ReplicationSlot> createSlot(CreateReplicationSlot slot) {
        return single(slot.sql(), row -> new ReplicationSlot(text(row, "slot_name"), Lsn.parse(text(row, "consistent_point")),
                text(row, "snapshot_name"), text(row, "output_plugin")));
    }

    /** {@code DROP_REPLICATION_SLOT}; with {@code waitWhileActive} the server waits for a walsender using it to end instead of failing. */
    public Mono<Void> dropSlot(String slotName, boolean waitWhileActive) {
        return run("DROP_REPLICATION_SLOT " + Identifier.of(slotName).render() + (waitWhileActive ? " WAIT" : ""))
                .concatMap(PsycopgResult::getRowsUpdated).then();
    }

    /** {@code READ_REPLICATION_SLOT} (PostgreSQL 15 and later, physical slots): empty when no such slot exists. */
    public Mono<Optional<ReplicationSlotState>> readSlot(String slotName) {
        return single("READ_REPLICATION_SLOT " + Identifier.of(slotName).render(), row -> {
            String type = text(row, "slot_type");
            String restart = text(row, "restart_lsn");
            String timeline = text(row, "restart_tli");
            return Optional.ofNullable(type == null ? null : new ReplicationSlotState(type,
                    restart == null ? null : Lsn.parse(restart), timeline == null ? null : Long.valueOf(timeline)));
        });
    }

    /** {@code TIMELINE_HISTORY}: the history file of a timeline after the first. */
    public Mono<TimelineHistory> timelineHistory(int timeline) {
        return single("TIMELINE_HISTORY " + timeline, row -> new TimelineHistory(text(row, "filename"), content(row.get("content"))));
    }

    /**
     * {@code START_REPLICATION SLOT slot LOGICAL start (options)}: the plugin's messages from
     * {@code start} (or from the slot's confirmed position, whichever is later). For pgoutput the
     * options are {@code proto_version}, {@code publication_names}, {@code binary},
     * {@code messages}, {@code streaming}, {@code two_phase}, {@code origin}.
     */
    public ReplicationStream startLogical(String slotName, Lsn start, Map<String, String> pluginOptions,
                                          ReplicationStreamOptions options) {
        StringBuilder sql = new StringBuilder("START_REPLICATION SLOT ").append(Identifier.of(slotName).render())
                .append(" LOGICAL ").append(start);
        if (!pluginOptions.isEmpty()) {
            StringJoiner list = new StringJoiner(", ", " (", ")");
            pluginOptions.forEach((name, value) -> list.add(Identifier.of(name).render() + " " + quoted(value)));
            sql.append(list);
        }
        return new ReplicationStream(connection.copyBoth(sql.toString()), false, start, options, heartbeat(options));
    }

    /**
     * {@code START_REPLICATION [SLOT slot] PHYSICAL start [TIMELINE timeline]}: raw WAL from
     * {@code start}; {@code slotName} may be null, {@code timeline} 0 for the current one.
     */
    public ReplicationStream startPhysical(String slotName, Lsn start, int timeline, ReplicationStreamOptions options) {
        StringBuilder sql = new StringBuilder("START_REPLICATION");
        if (slotName != null) {
            sql.append(" SLOT ").append(Identifier.of(slotName).render());
        }
        sql.append(" PHYSICAL ").append(start);
        if (timeline > 0) {
            sql.append(" TIMELINE ").append(timeline);
        }
        return new ReplicationStream(connection.copyBoth(sql.toString()), true, start, options, heartbeat(options));
    }

    private Heartbeat heartbeat(ReplicationStreamOptions options) {
        return options.heartbeatInterval() == null ? null : new Heartbeat(plain, options.heartbeatInterval());
    }

    /**
     * Runs SQL over the simple query protocol (a logical replication connection accepts it;
     * {@code SET TRANSACTION SNAPSHOT} is not among what it accepts: use a normal connection).
     */
    public Flux<PsycopgResult> sql(String sql) {
        return connection.createBatch().add(sql).execute();
    }

    /** Sends Terminate and closes the connection; a temporary slot is dropped by the server. */
    public Mono<Void> close() {
        return connection.close();
    }

    private Flux<PsycopgResult> run(String command) {
        return connection.createBatch().add(command).execute();
    }

    private <T> Mono<T> single(String command, Function<Readable, T> mapper) {
        return run(command).concatMap(result -> result.map(mapper)).next()
                .switchIfEmpty(Mono.error(() -> new IllegalStateException(command + " returned no row")));
    }

    private static String text(Readable row, String column) {
        return row.get(column, String.class);
    }

    /** The history file's text, whether the server describes the column as bytea or as text. */
    private static String content(Object value) {
        if (value instanceof byte[] bytes) {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
        if (value instanceof java.nio.ByteBuffer bytes) {
            return java.nio.charset.StandardCharsets.UTF_8.decode(bytes.duplicate()).toString();
        }
        return (String) value;
    }

    /** A string constant as the replication grammar reads it: between single quotes, each quote doubled. */
    private static String quoted(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
