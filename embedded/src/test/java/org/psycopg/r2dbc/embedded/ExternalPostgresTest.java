// PSYCOPG_TEST_URL is read the way libpq reads a connection URI.
package org.psycopg.r2dbc.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExternalPostgresTest {

    @Test
    void readsEveryPartOfAnR2dbcUrl() {
        ExternalPostgres server = ExternalPostgres.parse("r2dbc:psycopg://alice:s%40cr%3At+x@db.example:6543/app?sslmode=require");
        assertEquals(new ExternalPostgres("db.example", 6543, "app", "alice", "s@cr:t+x", "sslmode=require"), server);
        assertFalse(server.embedded().isPresent());
        assertEquals("r2dbc:psycopg://alice:s%40cr%3At%2Bx@db.example:6543/app?sslmode=require", server.r2dbcUrl());
        assertEquals("jdbc:postgresql://db.example:6543/app", server.jdbcUrl());
    }

    @Test
    void defaultsPortTo5432AndDatabaseToUser() {
        assertEquals(new ExternalPostgres("localhost", 5432, "bob", "bob", "", ""),
                ExternalPostgres.parse("postgresql://bob@localhost"));
        assertEquals(new ExternalPostgres("localhost", 5432, "bob", "bob", "pw", ""),
                ExternalPostgres.parse("postgres://bob:pw@localhost:/"));
    }

    @Test
    void readsBracketedIpv6HostsAndWritesThemBack() {
        ExternalPostgres server = ExternalPostgres.parse("r2dbc:postgresql://u:p@[::1]:5433/d");
        assertEquals("::1", server.host());
        assertEquals(5433, server.port());
        assertEquals("r2dbc:psycopg://u:p@[::1]:5433/d", server.r2dbcUrl());
    }

    @Test
    void rejectsOtherSchemesAndUrlsWithoutUserOrHost() {
        assertThrows(IllegalArgumentException.class, () -> ExternalPostgres.parse("mysql://u:p@h/d"));
        assertThrows(IllegalArgumentException.class, () -> ExternalPostgres.parse("postgresql://h/d"));
        assertThrows(IllegalArgumentException.class, () -> ExternalPostgres.parse("postgresql://u@/d"));
        assertThrows(IllegalArgumentException.class, () -> ExternalPostgres.parse("postgresql://u@h:99999/d"));
    }

    @Test
    void neverShowsThePassword() {
        ExternalPostgres server = ExternalPostgres.parse("postgresql://u:secret@h/d");
        assertFalse(server.toString().contains("secret"));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ExternalPostgres.parse("postgresql://u:secret@h:x/d"));
        assertFalse(error.getMessage().contains("secret"), error.getMessage());
        assertTrue(error.getMessage().contains(PostgresServer.URL_VARIABLE));
    }
}
