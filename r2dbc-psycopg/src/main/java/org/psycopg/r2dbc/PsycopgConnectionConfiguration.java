// The immutable settings of a connection factory.
package org.psycopg.r2dbc;

/** Placeholder: the configuration work fills this in. */
public final class PsycopgConnectionConfiguration {
}
