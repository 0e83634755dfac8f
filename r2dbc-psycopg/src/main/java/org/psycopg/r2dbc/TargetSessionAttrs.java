// Which kind of server a multi-host connection accepts, by libpq's target_session_attrs values.
package org.psycopg.r2dbc;

/**
 * Which server of a multi-host configuration a connection accepts, with the meaning and the
 * names of libpq's {@code target_session_attrs} keyword. The hosts are tried in order; a server
 * that does not have the asked attributes is disconnected from and the next one tried.
 */
public enum TargetSessionAttrs {

    /** Any server that accepts the connection. The default. */
    ANY("any"),

    /** A server whose sessions accept writes ({@code default_transaction_read_only} off, not in recovery). */
    READ_WRITE("read-write"),

    /** A server whose sessions do not accept writes by default. */
    READ_ONLY("read-only"),

    /** A server that is not in hot standby mode. */
    PRIMARY("primary"),

    /** A server in hot standby mode. */
    STANDBY("standby"),

    /** A standby if one of the hosts is; otherwise any server. */
    PREFER_STANDBY("prefer-standby");

    private final String libpqName;

    TargetSessionAttrs(String libpqName) {
        this.libpqName = libpqName;
    }

    /** @return the value as libpq spells it, e.g. {@code "read-write"} */
    public String libpqName() {
        return libpqName;
    }
}
