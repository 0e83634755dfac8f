// The first exchange of a connection: StartupMessage, authentication, and the first ReadyForQuery.
package org.psycopg.r2dbc.engine;

import com.ongres.scram.client.ScramClient;
import com.ongres.scram.common.exception.ScramException;
import io.netty.buffer.ByteBuf;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcPermissionDeniedException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.psycopg.r2dbc.error.ErrorMapping;
import org.psycopg.r2dbc.protocol.backend.AuthenticationCleartextPassword;
import org.psycopg.r2dbc.protocol.backend.AuthenticationMd5Password;
import org.psycopg.r2dbc.protocol.backend.AuthenticationOk;
import org.psycopg.r2dbc.protocol.backend.AuthenticationSasl;
import org.psycopg.r2dbc.protocol.backend.AuthenticationSaslContinue;
import org.psycopg.r2dbc.protocol.backend.AuthenticationSaslFinal;
import org.psycopg.r2dbc.protocol.backend.AuthenticationUnsupported;
import org.psycopg.r2dbc.protocol.backend.BackendKeyData;
import org.psycopg.r2dbc.protocol.backend.BackendMessage;
import org.psycopg.r2dbc.protocol.backend.ErrorResponse;
import org.psycopg.r2dbc.protocol.backend.NegotiateProtocolVersion;
import org.psycopg.r2dbc.protocol.backend.ReadyForQuery;
import org.psycopg.r2dbc.protocol.frontend.PasswordMessage;
import org.psycopg.r2dbc.protocol.frontend.SaslInitialResponse;
import org.psycopg.r2dbc.protocol.frontend.SaslResponse;
import org.psycopg.r2dbc.protocol.frontend.StartupMessage;
import reactor.core.publisher.MonoSink;

/**
 * Answers whatever authentication the server asks for (trust, cleartext, md5, SCRAM-SHA-256,
 * and SCRAM-SHA-256-PLUS when the connection uses TLS) and completes once the server is ready.
 */
final class StartupExchange extends Exchange {

    private final Session session;
    private final Map<String, String> parameters;
    private final String user;
    private final CharSequence password;
    private final byte[] channelBinding;
    private final MonoSink<Session> sink;
    private ScramClient scram;

    StartupExchange(Session session, Map<String, String> parameters, CharSequence password,
                    byte[] channelBinding, MonoSink<Session> sink) {
        this.session = session;
        this.parameters = parameters;
        this.user = parameters.get("user");
        this.password = password;
        this.channelBinding = channelBinding;
        this.sink = sink;
    }

    @Override
    protected void encode(ByteBuf out) {
        new StartupMessage(parameters).encode(out);
    }

    @Override
    protected boolean onMessage(BackendMessage message) {
        try {
            return handle(message);
        } catch (RuntimeException | ScramException e) {
            sink.error(e instanceof ScramException
                    ? new R2dbcPermissionDeniedException("SCRAM authentication failed: " + e.getMessage(), e) : e);
            session.fail(e);
            return true;
        }
    }

    private boolean handle(BackendMessage message) throws ScramException {
        if (message instanceof AuthenticationOk || message instanceof NegotiateProtocolVersion) {
            return false;
        } else if (message instanceof AuthenticationCleartextPassword) {
            session.send(new PasswordMessage(requirePassword().toString()));
        } else if (message instanceof AuthenticationMd5Password md5) {
            session.send(new PasswordMessage(Md5Password.answer(user, requirePassword(), md5.salt())));
        } else if (message instanceof AuthenticationSasl sasl) {
            ScramClient.FinalBuildStage builder = ScramClient.builder()
                    .advertisedMechanisms(sasl.mechanisms())
                    .username(user)
                    .password(requirePassword().toString().toCharArray());
            if (channelBinding != null) {
                builder.channelBinding(ScramChannelBinding.TYPE, channelBinding);
            }
            scram = builder.build();
            session.send(new SaslInitialResponse(scram.getScramMechanism().getName(),
                    scram.clientFirstMessage().toString().getBytes(StandardCharsets.UTF_8)));
        } else if (message instanceof AuthenticationSaslContinue next) {
            scram.serverFirstMessage(new String(next.data(), StandardCharsets.UTF_8));
            session.send(new SaslResponse(scram.clientFinalMessage().toString().getBytes(StandardCharsets.UTF_8)));
        } else if (message instanceof AuthenticationSaslFinal last) {
            scram.serverFinalMessage(new String(last.data(), StandardCharsets.UTF_8));
        } else if (message instanceof AuthenticationUnsupported unsupported) {
            throw new R2dbcPermissionDeniedException("The server asks for an authentication method this driver does not support (code "
                    + unsupported.method() + "); use trust, password, md5 or scram-sha-256");
        } else if (message instanceof BackendKeyData key) {
            session.setBackendKey(key.processId(), key.secretKey());
        } else if (message instanceof ErrorResponse error) {
            sink.error(ErrorMapping.toException(error.fields(), null));
            session.fail(new R2dbcNonTransientResourceException("Startup failed: " + error.message()));
            return true;
        } else if (message instanceof ReadyForQuery) {
            session.markReady();
            sink.success(session);
            return true;
        } else {
            throw new R2dbcNonTransientResourceException("Unexpected message during startup: " + message);
        }
        return false;
    }

    private CharSequence requirePassword() {
        if (password == null) {
            throw new R2dbcPermissionDeniedException("The server asks for a password for user '" + user + "' but none was given");
        }
        return password;
    }

    @Override
    protected void onFailure(Throwable cause) {
        sink.error(cause);
    }
}
