// Checks that R2DBC discovery finds the driver under "psycopg" and hands it the configuration.
package org.psycopg.r2dbc;

import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.ConnectionFactoryProvider;
import org.junit.jupiter.api.Test;

import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PsycopgConnectionFactoryProviderTest {

    private final PsycopgConnectionFactoryProvider provider = new PsycopgConnectionFactoryProvider();

    @Test
    void driverIsPsycopg() {
        assertEquals("psycopg", provider.getDriver());
        assertEquals("psycopg", PsycopgConnectionFactoryProvider.DRIVER);
    }

    @Test
    void supportsOnlyItsOwnDriver() {
        assertTrue(provider.supports(ConnectionFactoryOptions.parse("r2dbc:psycopg://h/db")));
        assertTrue(provider.supports(ConnectionFactoryOptions.parse("r2dbcs:psycopg://h/db")));
        assertFalse(provider.supports(ConnectionFactoryOptions.parse("r2dbc:postgresql://h/db")));
        assertFalse(provider.supports(ConnectionFactoryOptions.parse("r2dbc:pool:psycopg://h/db")));
        assertFalse(provider.supports(ConnectionFactoryOptions.builder().build()));
    }

    @Test
    void serviceLoaderFindsTheProvider() {
        boolean found = ServiceLoader.load(ConnectionFactoryProvider.class).stream()
                .anyMatch(candidate -> candidate.type() == PsycopgConnectionFactoryProvider.class);

        assertTrue(found);
        assertTrue(ConnectionFactories.supports(ConnectionFactoryOptions.parse("r2dbc:psycopg://h/db")));
    }

    @Test
    void createsAFactoryFromTheUrl() {
        ConnectionFactory factory = ConnectionFactories.get(
                "r2dbc:psycopg://u:pw@h:5433/db?sslmode=disable&application_name=tests");

        assertInstanceOf(PsycopgConnectionFactory.class, factory);
    }

    @Test
    void badOptionFailsCreationNamingOptionAndValue() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ConnectionFactories.get("r2dbc:psycopg://h/db?sslmode=sometimes"));

        assertEquals("Invalid value for option 'sslmode': 'sometimes' "
                + "(expected one of disable, allow, prefer, require, verify-ca, verify-full)", refused.getMessage());
    }
}
