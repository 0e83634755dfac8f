// Chooses which connection attempts to make: hosts in order, TLS fallbacks, target_session_attrs.
package org.psycopg.r2dbc.engine;

import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcPermissionDeniedException;
import io.r2dbc.spi.R2dbcTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.psycopg.r2dbc.ServerAddress;
import org.psycopg.r2dbc.SslMode;
import org.psycopg.r2dbc.TargetSessionAttrs;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Opens a session as libpq does: each host in turn until one accepts and matches
 * {@code target_session_attrs} ({@code prefer-standby} makes a second pass accepting any);
 * {@code sslmode=prefer} falls back to plain text when the TLS attempt fails,
 * {@code allow} tries plain text first and TLS second. {@code connect_timeout} bounds each
 * attempt's whole establishment (TCP, TLS, authentication, first ReadyForQuery).
 */
public final class ConnectionOpener {

    private final List<ServerAddress> endpoints;
    private final ConnectSettings settings;
    private final TargetSessionAttrs target;

    public ConnectionOpener(List<ServerAddress> endpoints, ConnectSettings settings, TargetSessionAttrs target) {
        this.endpoints = List.copyOf(endpoints);
        this.settings = settings;
        this.target = target;
    }

    public Mono<Session> open() {
        List<Throwable> failures = new ArrayList<>();
        Mono<Session> firstPass = Flux.fromIterable(endpoints)
                .concatMap(endpoint -> attempt(endpoint, target == TargetSessionAttrs.PREFER_STANDBY ? TargetSessionAttrs.STANDBY : target, failures), 1)
                .next();
        Mono<Session> any = target == TargetSessionAttrs.PREFER_STANDBY
                ? Flux.fromIterable(endpoints).concatMap(endpoint -> attempt(endpoint, TargetSessionAttrs.ANY, failures), 1).next()
                : Mono.empty();
        return firstPass.switchIfEmpty(any).switchIfEmpty(Mono.error(() -> allFailed(failures)));
    }

    private Mono<Session> attempt(ServerAddress endpoint, TargetSessionAttrs wanted, List<Throwable> failures) {
        return withTlsPolicy(endpoint)
                .flatMap(session -> SessionAttributes.matches(session, wanted) ? Mono.just(session)
                        : session.close().then(Mono.error(new R2dbcNonTransientResourceException(
                                "Server " + endpoint + " does not match target_session_attrs=" + wanted.libpqName()))))
                .onErrorResume(e -> {
                    failures.add(e);
                    return Mono.empty();
                });
    }

    private Mono<Session> withTlsPolicy(ServerAddress endpoint) {
        SslMode mode = settings.tls().mode();
        if (mode == SslMode.ALLOW) {
            return timed(endpoint, false).onErrorResume(e -> !(e instanceof R2dbcTimeoutException), e -> timed(endpoint, true));
        }
        if (mode == SslMode.PREFER) {
            return timed(endpoint, true).onErrorResume(e -> !(e instanceof R2dbcTimeoutException) && !(e instanceof R2dbcPermissionDeniedException),
                    e -> timed(endpoint, false));
        }
        return timed(endpoint, mode != SslMode.DISABLE);
    }

    private Mono<Session> timed(ServerAddress endpoint, boolean tls) {
        Mono<Session> connect = Connector.connect(endpoint, settings, tls);
        if (settings.connectTimeout() == null || settings.connectTimeout().isZero()) {
            return connect;
        }
        return connect.timeout(settings.connectTimeout())
                .onErrorMap(TimeoutException.class, e -> new R2dbcTimeoutException(
                        "Connecting to " + endpoint + " took longer than connect_timeout (" + settings.connectTimeout() + ")", e));
    }

    private Throwable allFailed(List<Throwable> failures) {
        if (failures.size() == 1) {
            return failures.get(0);
        }
        StringBuilder message = new StringBuilder("Could not connect to any of ").append(endpoints).append(':');
        for (Throwable failure : failures) {
            message.append("\n  ").append(failure.getMessage());
        }
        R2dbcNonTransientResourceException error = new R2dbcNonTransientResourceException(message.toString(),
                failures.isEmpty() ? null : failures.get(failures.size() - 1));
        failures.forEach(error::addSuppressed);
        return error;
    }
}
