// NoData: the described statement or portal returns no rows.
package org.psycopg.r2dbc.protocol.backend;

/** NoData ('n'): the answer to Describe when the statement or portal returns no rows. Carries nothing: decoding returns the one instance without allocating. */
public enum NoData implements BackendMessage {
    INSTANCE
}
