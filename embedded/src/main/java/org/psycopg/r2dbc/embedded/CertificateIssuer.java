// Generates the embedded server's TLS material: a test CA, a server and a client certificate, as PEM.
package org.psycopg.r2dbc.embedded;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Issues the certificates described by {@link TlsFiles}; keys are fresh for every server. */
final class CertificateIssuer {

    private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
    private static final X500Name AUTHORITY = new X500Name("CN=r2dbc-psycopg test CA");
    private static final Duration VALIDITY = Duration.ofDays(3650);

    private final SecureRandom random = new SecureRandom();
    private final JcaX509ExtensionUtils extensions;
    private final KeyPair authorityKeys;
    private final X509Certificate authority;

    private CertificateIssuer() throws GeneralSecurityException, IOException {
        extensions = new JcaX509ExtensionUtils();
        authorityKeys = newKeyPair();
        JcaX509v3CertificateBuilder builder = builder(AUTHORITY, authorityKeys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        authority = sign(builder);
    }

    /** Writes the CA, server and client certificates and keys into {@code directory}. */
    static TlsFiles issue(Path directory) throws IOException {
        try {
            CertificateIssuer issuer = new CertificateIssuer();
            TlsFiles files = new TlsFiles(directory.resolve("ca.crt"), directory.resolve("server.crt"),
                    directory.resolve("server.key"), directory.resolve("client.crt"), directory.resolve("client.key"));
            writeCertificate(files.certificateAuthority(), issuer.authority);

            KeyPair serverKeys = issuer.newKeyPair();
            JcaX509v3CertificateBuilder server = issuer.leaf("localhost", serverKeys.getPublic(), KeyPurposeId.id_kp_serverAuth);
            server.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.dNSName, "localhost"),
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
            writeCertificate(files.serverCertificate(), issuer.sign(server));
            writeKey(files.serverKey(), serverKeys.getPrivate());

            KeyPair clientKeys = issuer.newKeyPair();
            JcaX509v3CertificateBuilder client =
                    issuer.leaf(AuthRole.CERT.roleName(), clientKeys.getPublic(), KeyPurposeId.id_kp_clientAuth);
            writeCertificate(files.clientCertificate(), issuer.sign(client));
            writeKey(files.clientKey(), clientKeys.getPrivate());
            return files;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate the embedded server's certificates", e);
        }
    }

    /** A certificate for {@code commonName}, signed by the authority, for one purpose. */
    private JcaX509v3CertificateBuilder leaf(String commonName, PublicKey key, KeyPurposeId purpose)
            throws GeneralSecurityException, IOException {
        JcaX509v3CertificateBuilder builder = builder(new X500Name("CN=" + commonName), key);
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
        builder.addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(authority));
        return builder;
    }

    private JcaX509v3CertificateBuilder builder(X500Name subject, PublicKey key) throws IOException {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(AUTHORITY, new BigInteger(63, random).add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(VALIDITY)), subject, key);
        builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(key));
        return builder;
    }

    private X509Certificate sign(JcaX509v3CertificateBuilder builder) throws GeneralSecurityException {
        try {
            PrivateKey signingKey = authorityKeys.getPrivate();
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(signingKey)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), random);
        return generator.generateKeyPair();
    }

    private static void writeCertificate(Path file, X509Certificate certificate) throws IOException {
        try {
            Files.writeString(file, pem("CERTIFICATE", certificate.getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new IOException("cannot encode " + file.getFileName(), e);
        }
    }

    /** Writes a PKCS#8 key into a file that only its owner may read, from its creation on. */
    private static void writeKey(Path file, PrivateKey key) throws IOException {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, pem("PRIVATE KEY", key.getEncoded()));
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
