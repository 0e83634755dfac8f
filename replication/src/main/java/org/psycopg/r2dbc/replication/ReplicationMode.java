// The two kinds of replication connection, by the value of the replication startup parameter.
package org.psycopg.r2dbc.replication;

/** What the {@code replication} startup parameter asks the server for. */
public enum ReplicationMode {

    /** {@code replication=database}: a walsender connected to one database, for logical decoding (and physical commands). */
    LOGICAL("database"),

    /** {@code replication=true}: a walsender for physical replication, connected to no database. */
    PHYSICAL("true");

    private final String parameter;

    ReplicationMode(String parameter) {
        this.parameter = parameter;
    }

    /** The startup parameter's value. */
    public String parameter() {
        return parameter;
    }
}
