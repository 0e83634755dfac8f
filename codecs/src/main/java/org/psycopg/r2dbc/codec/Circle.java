// A circle: PostgreSQL's circle value.
package org.psycopg.r2dbc.codec;

import java.util.Objects;

/** A circle by its center and radius, written {@code <(x,y),r>}. Immutable. */
public record Circle(Point center, double radius) {
    public Circle {
        Objects.requireNonNull(center, "center");
    }
}
