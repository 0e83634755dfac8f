// Creates connections to PostgreSQL from a PsycopgConnectionConfiguration.
package org.psycopg.r2dbc;

import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import java.util.LinkedHashMap;
import java.util.Map;
import org.psycopg.r2dbc.codec.CodecRegistry;
import org.psycopg.r2dbc.engine.ConnectSettings;
import org.psycopg.r2dbc.engine.ConnectionOpener;
import org.psycopg.r2dbc.engine.TlsSettings;
import org.psycopg.r2dbc.notify.NotificationListener;
import org.psycopg.r2dbc.notify.ReconnectPolicy;
import reactor.core.publisher.Mono;

/**
 * The entry point: {@code ConnectionFactories.get("r2dbc:psycopg://user:pw@host/db")} or
 * {@code new PsycopgConnectionFactory(configuration)}. Each {@link #create()} opens a new
 * connection (libpq's host list, sslmode and target_session_attrs rules apply); the TLS context
 * is built once per factory. Thread-safe.
 */
public final class PsycopgConnectionFactory implements ConnectionFactory {

    private final PsycopgConnectionConfiguration configuration;
    private final TypeCatalog types;
    private final ConnectionOpener opener;

    public PsycopgConnectionFactory(PsycopgConnectionConfiguration configuration) {
        this.configuration = configuration;
        this.types = new TypeCatalog(codecs(configuration.codecs()));
        TlsSettings tls = new TlsSettings(configuration.sslMode(), configuration.sslRootCert(), configuration.sslCert(),
                configuration.sslKey(), configuration.sslPassword() == null ? null : configuration.sslPassword().toString());
        ConnectSettings settings = new ConnectSettings(startupParameters(configuration), configuration.password(), tls,
                configuration.connectTimeout(), configuration.maxMessageSize(), configuration.tcpKeepAlive(),
                configuration.tcpNoDelay(), configuration.loopResources());
        this.opener = new ConnectionOpener(configuration.hosts(), settings, configuration.targetSessionAttrs());
    }

    /**
     * The codecs the configuration gives; when it gives none but the built-ins, the built-ins and
     * the codecs found by ServiceLoader ({@link CodecRegistry#installed()}). A registry built by
     * the user is taken as it is: start it from {@code CodecRegistry.installed()} to keep those.
     */
    private static CodecRegistry codecs(CodecRegistry configured) {
        return configured == null || configured == CodecRegistry.defaults() ? CodecRegistry.installed() : configured;
    }

    /** The StartupMessage parameters: user, database, application_name, options, timeouts and any other setting. */
    private static Map<String, String> startupParameters(PsycopgConnectionConfiguration configuration) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("user", configuration.user());
        parameters.put("database", configuration.database());
        if (configuration.applicationName() != null) {
            parameters.put("application_name", configuration.applicationName());
        }
        if (configuration.options() != null) {
            parameters.put("options", configuration.options());
        }
        // Any server setting may be given at startup; these save a round trip after connecting.
        if (configuration.statementTimeout() != null) {
            parameters.put("statement_timeout", Long.toString(configuration.statementTimeout().toMillis()));
        }
        if (configuration.lockWaitTimeout() != null) {
            parameters.put("lock_timeout", Long.toString(configuration.lockWaitTimeout().toMillis()));
        }
        parameters.putAll(configuration.startupParameters());
        return parameters;
    }

    @Override
    public Mono<PsycopgConnection> create() {
        return opener.open().flatMap(session -> new PsycopgConnection(session, types, configuration)
                .readIsolationLevel()
                .onErrorResume(error -> session.close().then(Mono.error(error))));
    }

    /**
     * A listener with a connection of its own that LISTENs again after every connection loss,
     * reconnecting as {@link ReconnectPolicy#DEFAULT} says.
     */
    public NotificationListener listener() {
        return listener(ReconnectPolicy.DEFAULT);
    }

    /** A listener with a connection of its own, reconnecting as the given policy says. */
    public NotificationListener listener(ReconnectPolicy policy) {
        return new NotificationListener(this, policy);
    }

    @Override
    public ConnectionFactoryMetadata getMetadata() {
        return PsycopgConnectionFactoryMetadata.INSTANCE;
    }

    public PsycopgConnectionConfiguration configuration() {
        return configuration;
    }
}
