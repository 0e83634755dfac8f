// Codecs registered on one connection apply to it alone.
package org.psycopg.r2dbc.types;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.psycopg.r2dbc.PsycopgConnection;
import org.psycopg.r2dbc.PsycopgConnectionFactory;
import org.psycopg.r2dbc.TestDatabase;
import reactor.core.publisher.Flux;

class ConnectionCodecsTest {

    private static List<String> text(PsycopgConnection connection) {
        return Flux.from(connection.createStatement("SELECT 'mixed Case'::text").execute())
                .flatMap(result -> result.map(row -> row.get(0, String.class)))
                .collectList().block(TestDatabase.TIMEOUT);
    }

    @Test
    void aCodecRegisteredOnOneConnectionOverridesTheBuiltInThereOnly() {
        PsycopgConnectionFactory factory = TestDatabase.factory();
        PsycopgConnection shouting = factory.create().block(TestDatabase.TIMEOUT);
        PsycopgConnection plain = factory.create().block(TestDatabase.TIMEOUT);
        try {
            // Run the statement past the prepare threshold first: the override must apply to a prepared statement too.
            for (int i = 0; i < 6; i++) {
                assertEquals(List.of("mixed Case"), text(shouting));
            }
            shouting.registerCodecs(new UserCodecTest.UpperCaseText());
            assertEquals(List.of("MIXED CASE"), text(shouting));
            assertEquals(List.of("mixed Case"), text(plain));
        } finally {
            shouting.close().block(TestDatabase.TIMEOUT);
            plain.close().block(TestDatabase.TIMEOUT);
        }
    }
}
