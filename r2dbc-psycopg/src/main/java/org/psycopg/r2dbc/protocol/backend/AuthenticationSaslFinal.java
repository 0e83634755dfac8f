// AuthenticationSASLFinal: the server's last message in a SASL exchange.
package org.psycopg.r2dbc.protocol.backend;

/**
 * AuthenticationSASLFinal ('R', code 12): the outcome of the exchange, which the client verifies;
 * AuthenticationOk follows when the server accepted.
 *
 * @param data the mechanism's outcome (for SCRAM, the server-final-message); owned by this message
 */
public record AuthenticationSaslFinal(byte[] data) implements BackendMessage {
}
