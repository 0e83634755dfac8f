// Where the one VALUES tuple of a single-row INSERT sits in its SQL text.
package org.psycopg.r2dbc.sql;

/**
 * @param start      offset of the tuple's opening parenthesis
 * @param end        offset just after its closing parenthesis
 * @param parameters the tuple's {@code $n} parameters as (start, end, number) triples of offsets
 *                   into the text and parameter numbers
 */
record InsertTuple(int start, int end, int[] parameters) {
}
