// A point on a plane: PostgreSQL's point value.
package org.psycopg.r2dbc.codec;

/** A point, {@code (x,y)}. Immutable. */
public record Point(double x, double y) {
}
