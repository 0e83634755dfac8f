// EmptyQueryResponse: the query string held no statement.
package org.psycopg.r2dbc.protocol.backend;

/** EmptyQueryResponse ('I'): the query string was empty; it stands in for CommandComplete. Carries nothing: decoding returns the one instance without allocating. */
public enum EmptyQueryResponse implements BackendMessage {
    INSTANCE
}
