// json and jsonb as Jackson's JsonNode, with Jackson on the classpath.
package org.psycopg.r2dbc.types;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.psycopg.r2dbc.PsycopgConnection;
import org.psycopg.r2dbc.TestDatabase;
import reactor.core.publisher.Flux;

class JacksonJsonTest {

    private final PsycopgConnection connection = TestDatabase.connect();

    @AfterEach
    void close() {
        connection.close().block(TestDatabase.TIMEOUT);
    }

    @Test
    void jsonAndJsonbReadAsJsonNode() {
        for (String type : new String[] {"json", "jsonb"}) {
            JsonNode node = Flux.from(connection.createStatement("SELECT '{\"a\": [1, 2], \"b\": \"ü\"}'::" + type).execute())
                    .flatMap(result -> result.map(row -> row.get(0, JsonNode.class))).blockLast(TestDatabase.TIMEOUT);
            assertEquals(2, node.get("a").get(1).asInt(), type);
            assertEquals("ü", node.get("b").asText(), type);
        }
    }

    @Test
    void aJsonNodeBindsAsJsonb() {
        ObjectNode document = new ObjectMapper().createObjectNode().put("name", "widget").put("count", 3);
        String kind = Flux.from(connection.createStatement("SELECT jsonb_typeof($1), $1->>'name', ($1->>'count')::int + 1").bind(0, document).execute())
                .flatMap(result -> result.map(row -> row.get(0, String.class) + " " + row.get(1, String.class) + " " + row.get(2, Integer.class)))
                .blockLast(TestDatabase.TIMEOUT);
        assertEquals("object widget 4", kind);
    }
}
