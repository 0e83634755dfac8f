// The R2DBC discovery entry for driver "psycopg": r2dbc:psycopg://... URLs and options.
package org.psycopg.r2dbc;

import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.ConnectionFactoryProvider;

/**
 * Lets {@code ConnectionFactories.get("r2dbc:psycopg://user:pw@host:5432/db?sslmode=require")}
 * find this driver. Registered through {@code META-INF/services}; the options it reads are those
 * of {@link PsycopgConnectionConfiguration#fromOptions}. Stateless and thread-safe.
 */
public final class PsycopgConnectionFactoryProvider implements ConnectionFactoryProvider {

    /** The R2DBC driver name, the {@code psycopg} of {@code r2dbc:psycopg://}. */
    public static final String DRIVER = "psycopg";

    /**
     * @throws IllegalArgumentException naming the option and the value when an option cannot be read
     */
    @Override
    public PsycopgConnectionFactory create(ConnectionFactoryOptions options) {
        return new PsycopgConnectionFactory(PsycopgConnectionConfiguration.fromOptions(options));
    }

    /** @return whether the options name this driver ({@code driver=psycopg}) */
    @Override
    public boolean supports(ConnectionFactoryOptions options) {
        return DRIVER.equals(options.getValue(ConnectionFactoryOptions.DRIVER));
    }

    @Override
    public String getDriver() {
        return DRIVER;
    }
}
