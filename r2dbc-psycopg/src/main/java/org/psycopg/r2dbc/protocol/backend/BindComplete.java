// BindComplete: the server accepted a Bind.
package org.psycopg.r2dbc.protocol.backend;

/** BindComplete ('2'): the Bind succeeded and the portal exists. Carries nothing: decoding returns the one instance without allocating. */
public enum BindComplete implements BackendMessage {
    INSTANCE
}
