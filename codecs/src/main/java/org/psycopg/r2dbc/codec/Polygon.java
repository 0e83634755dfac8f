// A closed figure: PostgreSQL's polygon value.
package org.psycopg.r2dbc.codec;

import java.util.List;

/** The polygon through these points, written {@code ((x1,y1),...)}. Immutable. */
public record Polygon(List<Point> points) {
    public Polygon {
        points = List.copyOf(points);
    }
}
