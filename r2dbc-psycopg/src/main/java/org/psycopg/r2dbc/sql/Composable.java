// A piece of SQL that renders to text this package vouches for: the root of the composition types.
package org.psycopg.r2dbc.sql;

/**
 * A piece of SQL built from parts that each render safely: trusted text ({@link SqlText}), quoted
 * identifiers ({@link Identifier}), quoted constants ({@link Literal}), parameter markers
 * ({@link Placeholder}) and sequences of these ({@link Composed}). {@link Sql#format} assembles them
 * from a template.
 *
 * <p>The set of kinds is closed, so a value of this type is always one of them. Every piece is
 * immutable and thread-safe, and renders the same text each time. Two pieces are equal when they are
 * of the same kind and render the same text.
 */
public sealed interface Composable permits RenderedSql {

    /** The SQL text of this piece. */
    String render();
}
