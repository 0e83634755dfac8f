// ParseComplete: the server accepted a Parse.
package org.psycopg.r2dbc.protocol.backend;

/** ParseComplete ('1'): the Parse succeeded and the prepared statement exists. Carries nothing: decoding returns the one instance without allocating. */
public enum ParseComplete implements BackendMessage {
    INSTANCE
}
