// The PEM files of the embedded server's TLS: its certificate authority, server and client certificates.
package org.psycopg.r2dbc.embedded;

import java.nio.file.Path;

/**
 * The TLS material the embedded server generates at start, as PEM files.
 *
 * <p>One self-signed certificate authority signs both other certificates. The server certificate
 * names {@code localhost} (DNS) and {@code 127.0.0.1} (IP) in its subject alternative names, so
 * {@code sslmode=verify-full} succeeds against either. The client certificate's common name is
 * {@code cert_user} ({@link AuthRole#CERT}). Keys are ECDSA P-256 in PKCS#8 ({@code BEGIN PRIVATE
 * KEY}), readable by their owner only (mode 0600).
 *
 * @param certificateAuthority the CA certificate, what a client trusts ({@code sslrootcert})
 * @param serverCertificate the server's certificate ({@code ssl_cert_file})
 * @param serverKey the server's private key ({@code ssl_key_file}), owned by the server's account
 * @param clientCertificate the client certificate for {@code cert_user} ({@code sslcert})
 * @param clientKey the client certificate's private key ({@code sslkey})
 */
public record TlsFiles(Path certificateAuthority, Path serverCertificate, Path serverKey,
                       Path clientCertificate, Path clientKey) {
}
