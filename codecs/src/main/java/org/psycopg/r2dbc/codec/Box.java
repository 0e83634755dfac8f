// A rectangle: PostgreSQL's box value.
package org.psycopg.r2dbc.codec;

import java.util.Objects;

/**
 * An axis-aligned rectangle by two opposite corners, written {@code (x1,y1),(x2,y2)}. PostgreSQL
 * stores the upper-right corner first and the lower-left second, whatever order they were given in.
 * Immutable.
 */
public record Box(Point upperRight, Point lowerLeft) {
    public Box {
        Objects.requireNonNull(upperRight, "upperRight");
        Objects.requireNonNull(lowerLeft, "lowerLeft");
    }
}
