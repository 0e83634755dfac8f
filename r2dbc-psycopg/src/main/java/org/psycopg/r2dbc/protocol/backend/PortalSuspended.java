// PortalSuspended: an Execute reached its row limit with rows left.
package org.psycopg.r2dbc.protocol.backend;

/** PortalSuspended ('s'): the Execute returned its maximum number of rows and the portal has more; it stands in for CommandComplete. Carries nothing: decoding returns the one instance without allocating. */
public enum PortalSuspended implements BackendMessage {
    INSTANCE
}
