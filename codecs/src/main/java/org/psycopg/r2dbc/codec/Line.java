// An infinite line: PostgreSQL's line value.
package org.psycopg.r2dbc.codec;

/** The infinite line {@code Ax + By + C = 0}, written {@code {A,B,C}}. Immutable. */
public record Line(double a, double b, double c) {
}
