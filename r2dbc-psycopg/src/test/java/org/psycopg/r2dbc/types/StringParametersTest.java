// A Java String binds untyped, so the server gives it the column's type; an explicit type overrides that.
package org.psycopg.r2dbc.types;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.r2dbc.spi.Parameters;
import io.r2dbc.spi.R2dbcType;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.psycopg.r2dbc.PostgresType;
import org.psycopg.r2dbc.PsycopgConnection;
import org.psycopg.r2dbc.TestDatabase;
import org.psycopg.r2dbc.codec.Oids;
import reactor.core.publisher.Flux;

class StringParametersTest {

    private final PsycopgConnection connection = TestDatabase.connect();
    private final ServerValues values = new ServerValues(connection);

    @BeforeEach
    void createTable() {
        values.execute("CREATE EXTENSION IF NOT EXISTS citext");
        values.execute("DROP TABLE IF EXISTS string_parameters");
        values.execute("DROP TYPE IF EXISTS string_parameters_colour CASCADE");
        values.execute("DROP DOMAIN IF EXISTS string_parameters_code CASCADE");
        values.execute("CREATE TYPE string_parameters_colour AS ENUM ('red', 'green')");
        values.execute("CREATE DOMAIN string_parameters_code AS varchar(3) CHECK (VALUE ~ '^[A-Z]+$')");
        values.execute("CREATE TABLE string_parameters (colour string_parameters_colour, doc json, docb jsonb, email citext,"
                + " address inet, page xml, code string_parameters_code)");
    }

    @AfterEach
    void close() {
        values.execute("DROP TABLE string_parameters");
        connection.close().block(TestDatabase.TIMEOUT);
    }

    private <T> List<T> select(String sql, Class<T> type, Object... parameters) {
        var statement = connection.createStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.bind(i, parameters[i]);
        }
        return Flux.from(statement.execute()).flatMap(result -> result.map(row -> row.get(0, type)))
                .collectList().block(TestDatabase.TIMEOUT);
    }

    @Test
    void stringsInsertIntoEnumJsonCitextInetXmlAndDomainColumnsWithoutCasts() {
        List<Long> inserted = Flux.from(connection.createStatement("INSERT INTO string_parameters VALUES ($1, $2, $3, $4, $5, $6, $7)")
                        .bind(0, "green").bind(1, "{\"b\":2, \"a\":1}").bind(2, "{\"b\":2, \"a\":1}").bind(3, "Ann@Example.org")
                        .bind(4, "10.1.2.3/16").bind(5, "<p>hi</p>").bind(6, "ABC").execute())
                .flatMap(result -> result.getRowsUpdated()).collectList().block(TestDatabase.TIMEOUT);
        assertEquals(List.of(1L), inserted);
        assertEquals(List.of("green|{\"b\":2, \"a\":1}|{\"a\": 1, \"b\": 2}|Ann@Example.org|10.1.2.3/16|<p>hi</p>|ABC"),
                select("SELECT concat_ws('|', colour, doc, docb, email, address, page, code) FROM string_parameters", String.class));
    }

    @Test
    void aStringComparesWithTheColumnsOwnOperators() {
        values.execute("INSERT INTO string_parameters (colour, email, address) VALUES ('red', 'Ann@Example.org', '10.1.2.3')");
        // citext = citext ignores case; text = text would not.
        assertEquals(List.of("red"), select("SELECT colour::text FROM string_parameters WHERE email = $1", String.class, "ann@EXAMPLE.ORG"));
        assertEquals(List.of("red"), select("SELECT colour::text FROM string_parameters WHERE address << $1", String.class, "10.1.0.0/16"));
        assertEquals(List.of("red"), select("SELECT colour::text FROM string_parameters WHERE colour = $1", String.class, "red"));
    }

    @Test
    void anExplicitTypeOverridesTheUntypedString() {
        PostgresType jsonb = PostgresType.of(Oids.JSONB, "jsonb", String.class);
        assertEquals(List.of("{\"a\": 1, \"b\": 2}"), select("SELECT $1", String.class, Parameters.in(jsonb, "{\"b\":2,\"a\":1}")));
        assertEquals(List.of(42), select("SELECT $1", Object.class, Parameters.in(R2dbcType.INTEGER, "42")));
        // Untyped in a select list, the server takes it as text.
        assertEquals(List.of("{\"b\":2,\"a\":1}"), select("SELECT $1", Object.class, "{\"b\":2,\"a\":1}"));
    }

    @Test
    void aTypedNullAndAJavaEnumBindToo() {
        assertEquals(List.of(true), select("SELECT $1::int IS NULL", Boolean.class, Parameters.in(R2dbcType.INTEGER)));
        values.execute("INSERT INTO string_parameters (colour) VALUES ('green')");
        assertEquals(List.of(1L), select("SELECT count(*) FROM string_parameters WHERE colour = $1", Long.class, Colour.green));
    }

    enum Colour { red, green }
}
