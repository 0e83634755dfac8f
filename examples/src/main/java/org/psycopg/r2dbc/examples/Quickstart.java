// Quickstart: on one connection, create a table, insert with binds, stream rows back, commit one transaction and roll back another.
package org.psycopg.r2dbc.examples;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import java.time.Duration;
import org.psycopg.r2dbc.embedded.PostgresServer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A first tour of the driver through the plain R2DBC SPI, printing each step as it completes.
 *
 * <p>With no argument it starts the embedded PostgreSQL server (stopped when the program exits);
 * otherwise {@code args[0]} is the URL of a server to use, such as
 * {@code r2dbc:psycopg://user:password@localhost:5432/db}. The table is temporary, so nothing is
 * left behind on that server.
 *
 * <p>Every step is one publisher chained after the previous one; the program waits, with a
 * timeout, only once, at the end of {@link #main}. Run it with
 * {@code mvn -q -pl examples exec:java} or {@code mvn -q -pl examples exec:java -Dexec.args=URL}.
 */
public final class Quickstart {

    private static final Duration TIMEOUT = Duration.ofMinutes(1);

    private Quickstart() {
    }

    /**
     * Runs the tour.
     *
     * @param args nothing, or the {@code r2dbc:psycopg://} URL of the server to use
     */
    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : embeddedServerUrl();
        ConnectionFactoryOptions options = ConnectionFactoryOptions.parse(url);
        ConnectionFactory factory = ConnectionFactories.get(options);
        Object port = options.getValue(ConnectionFactoryOptions.PORT);
        System.out.println("Connecting to " + options.getValue(ConnectionFactoryOptions.HOST)
                + (port == null ? "" : ":" + port));

        Mono.usingWhen(factory.create(), Quickstart::tour, Connection::close)
                .block(TIMEOUT);
        System.out.println("Done: the connection is closed.");
    }

    private static String embeddedServerUrl() {
        System.out.println("No URL given: starting the embedded PostgreSQL server (stopped when this program exits)");
        return PostgresServer.shared().r2dbcUrl();
    }

    /** The steps, one after the other, on one connection. */
    private static Mono<Void> tour(Connection connection) {
        return Mono.fromRunnable(() -> System.out.println("1. Connected to PostgreSQL "
                        + connection.getMetadata().getDatabaseVersion()))
                .then(createTable(connection))
                .then(insertWithBinds(connection))
                .then(streamRows(connection))
                .then(commitOne(connection))
                .then(rollBackOne(connection))
                .then(showNames(connection));
    }

    private static Mono<Void> createTable(Connection connection) {
        return run(connection.createStatement(
                        "CREATE TEMPORARY TABLE fruit (id serial PRIMARY KEY, name text NOT NULL, quantity int NOT NULL)"))
                .doOnSuccess(ignored -> System.out.println("2. Created the temporary table fruit"))
                .then();
    }

    /** Three sets of bindings joined with {@code add()}: one statement, one round trip. */
    private static Mono<Void> insertWithBinds(Connection connection) {
        Statement insert = connection.createStatement("INSERT INTO fruit (name, quantity) VALUES ($1, $2)")
                .bind(0, "apple").bind(1, 12).add()
                .bind(0, "banana").bind(1, 7).add()
                .bind(0, "cherry").bind(1, 250);
        return run(insert)
                .doOnNext(rows -> System.out.println("3. Inserted " + rows + " rows with one batch of bindings"))
                .then();
    }

    /** Rows arrive one by one as the server sends them; each is mapped while its bytes are at hand. */
    private static Mono<Void> streamRows(Connection connection) {
        Statement select = connection.createStatement(
                        "SELECT id, name, quantity FROM fruit WHERE quantity >= $1 ORDER BY id")
                .bind(0, 10);
        return Mono.fromRunnable(() -> System.out.println("4. Streaming the fruit with a quantity of 10 or more:"))
                .thenMany(Flux.from(select.execute())
                        .flatMap(result -> result.map((row, metadata) -> String.format("   id=%d name=%s quantity=%d",
                                row.get("id", Integer.class), row.get("name", String.class),
                                row.get("quantity", Integer.class)))))
                .doOnNext(System.out::println)
                .then();
    }

    private static Mono<Void> commitOne(Connection connection) {
        return Mono.from(connection.beginTransaction())
                .then(run(connection.createStatement("INSERT INTO fruit (name, quantity) VALUES ($1, $2)")
                        .bind(0, "damson").bind(1, 3)))
                .then(Mono.from(connection.commitTransaction()))
                .doOnSuccess(ignored -> System.out.println("5. Inserted damson in a transaction and committed it"));
    }

    /** Inside the transaction the new row is visible; after the rollback it is gone. */
    private static Mono<Void> rollBackOne(Connection connection) {
        return Mono.from(connection.beginTransaction())
                .then(run(connection.createStatement("INSERT INTO fruit (name, quantity) VALUES ($1, $2)")
                        .bind(0, "elderberry").bind(1, 40)))
                .then(countNamed(connection, "elderberry"))
                .doOnNext(count -> System.out.println("6. Inserted elderberry in a second transaction; rows named"
                        + " elderberry inside it: " + count))
                .then(Mono.from(connection.rollbackTransaction()))
                .then(countNamed(connection, "elderberry"))
                .doOnNext(count -> System.out.println("   Rolled it back; rows named elderberry now: " + count))
                .then();
    }

    private static Mono<Long> countNamed(Connection connection, String name) {
        return Flux.from(connection.createStatement("SELECT count(*) FROM fruit WHERE name = $1").bind(0, name).execute())
                .flatMap(result -> result.map((row, metadata) -> row.get(0, Long.class)))
                .single();
    }

    private static Mono<Void> showNames(Connection connection) {
        return Flux.from(connection.createStatement("SELECT name FROM fruit ORDER BY id").execute())
                .flatMap(result -> result.map((row, metadata) -> row.get("name", String.class)))
                .collectList()
                .doOnNext(names -> System.out.println("7. The table now holds: " + String.join(", ", names)))
                .then();
    }

    /** Executes a statement and answers the rows it inserted, updated or deleted (0 for other commands). */
    private static Mono<Long> run(Statement statement) {
        return Flux.from(statement.execute())
                .flatMap(Result::getRowsUpdated)
                .reduce(0L, Long::sum);
    }
}
