// The TLS part of a connection's settings, and the client context built from it once.
package org.psycopg.r2dbc.engine;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import org.psycopg.r2dbc.SslMode;

/**
 * libpq's semantics: {@code require} encrypts without checking the server unless a root
 * certificate is given, {@code verify-ca} checks the chain, {@code verify-full} also checks that
 * the certificate names the host. The context is built once per connection factory.
 */
public final class TlsSettings {

    private final SslMode mode;
    private final String rootCert;
    private final String cert;
    private final String key;
    private final String keyPassword;
    private volatile SslContext context;

    public TlsSettings(SslMode mode, String rootCert, String cert, String key, String keyPassword) {
        this.mode = mode;
        this.rootCert = rootCert;
        this.cert = cert;
        this.key = key;
        this.keyPassword = keyPassword;
    }

    public SslMode mode() {
        return mode;
    }

    /** A new TLS handler for one connection to host:port. */
    SslHandler newHandler(ByteBufAllocator allocator, String host, int port) throws SSLException {
        SSLEngine engine = context().newEngine(allocator, host, port);
        if (mode == SslMode.VERIFY_FULL) {
            SSLParameters parameters = engine.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            engine.setSSLParameters(parameters);
        }
        return new SslHandler(engine);
    }

    private SslContext context() throws SSLException {
        SslContext built = context;
        if (built == null) {
            synchronized (this) {
                if (context == null) {
                    context = build();
                }
                built = context;
            }
        }
        return built;
    }

    private SslContext build() throws SSLException {
        SslContextBuilder builder = SslContextBuilder.forClient();
        boolean verify = mode == SslMode.VERIFY_CA || mode == SslMode.VERIFY_FULL
                || (mode == SslMode.REQUIRE && rootCert != null);
        if (verify) {
            if (rootCert == null) {
                throw new SSLException("sslmode=" + mode.libpqName() + " needs a root certificate: set sslrootcert");
            }
            if (!Files.isReadable(Path.of(rootCert))) {
                throw new SSLException("The root certificate file '" + rootCert + "' cannot be read");
            }
            builder.trustManager(new File(rootCert));
        } else {
            builder.trustManager(InsecureTrustManagerFactory.INSTANCE);
        }
        if (cert != null) {
            if (key == null) {
                throw new SSLException("sslcert is set but sslkey is not");
            }
            builder.keyManager(new File(cert), new File(key), keyPassword);
        }
        return builder.build();
    }
}
