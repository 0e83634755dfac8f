// Test support: opens a TCP connection (optionally TLS), sends a StartupMessage and reads the server's first answer.
package org.psycopg.r2dbc.embedded;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/** What a server answers to a StartupMessage: an authentication request or an error, nothing more. */
final class StartupProbe {

    /** The first message after the StartupMessage: 'R' with its request code, or 'E' with its SQLSTATE. */
    record Answer(char type, int authenticationRequest, String sqlState) {

        static Answer authentication(int request) {
            return new Answer('R', request, null);
        }

        static Answer error(String sqlState) {
            return new Answer('E', -1, sqlState);
        }
    }

    static final int AUTHENTICATION_OK = 0;
    static final int CLEARTEXT_PASSWORD = 3;
    static final int MD5_PASSWORD = 5;
    static final int SASL = 10;

    private static final int SSL_REQUEST_CODE = 80877103;
    private static final int PROTOCOL_3_0 = 196608;
    private static final int TIMEOUT_MILLIS = 5000;

    private StartupProbe() {
    }

    /** Sends a StartupMessage with {@code parameters} in clear text. */
    static Answer plain(PostgresServer server, Map<String, String> parameters) throws IOException {
        try (Socket socket = connect(server)) {
            return startup(socket, parameters);
        }
    }

    /** Negotiates TLS with {@code tls} (verifying the server's name), then sends a StartupMessage. */
    static Answer overTls(PostgresServer server, SSLContext tls, Map<String, String> parameters) throws IOException {
        try (Socket socket = connect(server)) {
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeInt(8);
            out.writeInt(SSL_REQUEST_CODE);
            out.flush();
            int answer = socket.getInputStream().read();
            if (answer != 'S') {
                throw new IOException("the server declined TLS: " + answer);
            }
            try (SSLSocket secured = (SSLSocket) tls.getSocketFactory()
                    .createSocket(socket, server.host(), server.port(), true)) {
                SSLParameters parametersOfTls = secured.getSSLParameters();
                parametersOfTls.setEndpointIdentificationAlgorithm("HTTPS");
                secured.setSSLParameters(parametersOfTls);
                secured.startHandshake();
                return startup(secured, parameters);
            }
        }
    }

    /** The user and database parameters of a StartupMessage. */
    static Map<String, String> login(String user, String database) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("user", user);
        parameters.put("database", database);
        return parameters;
    }

    /** A TLS context that trusts the embedded server's authority and, if asked, presents the client certificate. */
    static SSLContext tlsContext(TlsFiles files, boolean withClientCertificate) throws IOException, GeneralSecurityException {
        CertificateFactory certificates = CertificateFactory.getInstance("X.509");
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(files.certificateAuthority())) {
            trusted.setCertificateEntry("ca", certificates.generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);

        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        KeyStore identity = KeyStore.getInstance("PKCS12");
        identity.load(null, null);
        char[] password = "unused".toCharArray();
        if (withClientCertificate) {
            try (InputStream in = Files.newInputStream(files.clientCertificate())) {
                Certificate client = certificates.generateCertificate(in);
                identity.setKeyEntry("client", privateKey(files.clientKey()), password, new Certificate[] {client});
            }
        }
        keys.init(identity, password);

        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }

    /** Reads a PKCS#8 PEM EC key. */
    static PrivateKey privateKey(Path pem) throws IOException, GeneralSecurityException {
        String text = Files.readString(pem);
        String base64 = text.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private static Socket connect(PostgresServer server) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(server.host(), server.port()), TIMEOUT_MILLIS);
        socket.setSoTimeout(TIMEOUT_MILLIS);
        return socket;
    }

    private static Answer startup(Socket socket, Map<String, String> parameters) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream message = new DataOutputStream(body);
        message.writeInt(PROTOCOL_3_0);
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            message.write(parameter.getKey().getBytes(StandardCharsets.UTF_8));
            message.writeByte(0);
            message.write(parameter.getValue().getBytes(StandardCharsets.UTF_8));
            message.writeByte(0);
        }
        message.writeByte(0);
        DataOutputStream out = new DataOutputStream(socket.getOutputStream());
        out.writeInt(4 + body.size());
        body.writeTo(out);
        out.flush();

        DataInputStream in = new DataInputStream(socket.getInputStream());
        char type = (char) in.readUnsignedByte();
        byte[] payload = new byte[in.readInt() - 4];
        in.readFully(payload);
        if (type == 'R') {
            return Answer.authentication(((payload[0] & 0xff) << 24) | ((payload[1] & 0xff) << 16)
                    | ((payload[2] & 0xff) << 8) | (payload[3] & 0xff));
        }
        if (type == 'E') {
            return Answer.error(errorField(payload, 'C'));
        }
        throw new IOException("unexpected first message '" + type + "'");
    }

    private static String errorField(byte[] payload, char wanted) {
        int i = 0;
        while (payload[i] != 0) {
            char field = (char) payload[i++];
            int start = i;
            while (payload[i] != 0) {
                i++;
            }
            if (field == wanted) {
                return new String(payload, start, i - start, StandardCharsets.UTF_8);
            }
            i++;
        }
        return null;
    }
}
