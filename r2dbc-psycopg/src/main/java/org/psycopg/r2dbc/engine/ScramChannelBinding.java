// Computes SCRAM's tls-server-end-point channel binding data from the server certificate.
package org.psycopg.r2dbc.engine;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Locale;

/**
 * RFC 5929: the hash of the server's DER certificate, with the hash function of the
 * certificate's signature, except that MD5 and SHA-1 are replaced by SHA-256.
 */
final class ScramChannelBinding {

    static final String TYPE = "tls-server-end-point";

    private ScramChannelBinding() {
    }

    static byte[] serverEndPoint(X509Certificate certificate) {
        String signature = certificate.getSigAlgName().toUpperCase(Locale.ROOT);
        int with = signature.indexOf("WITH");
        String hash = with > 0 ? signature.substring(0, with) : "SHA256";
        String algorithm = switch (hash) {
            case "MD5", "SHA1", "SHA256" -> "SHA-256";
            case "SHA384" -> "SHA-384";
            case "SHA512" -> "SHA-512";
            default -> "SHA-256";
        };
        try {
            return MessageDigest.getInstance(algorithm).digest(certificate.getEncoded());
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("Cannot compute the channel binding of the server certificate", e);
        }
    }
}
