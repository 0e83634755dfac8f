// AuthenticationSASLContinue: the server's next message in a SASL exchange.
package org.psycopg.r2dbc.protocol.backend;

/**
 * AuthenticationSASLContinue ('R', code 11): answer with a SASLResponse.
 *
 * @param data the mechanism's challenge (for SCRAM, the server-first-message); owned by this message
 */
public record AuthenticationSaslContinue(byte[] data) implements BackendMessage {
}
