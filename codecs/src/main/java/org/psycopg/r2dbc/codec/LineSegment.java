// A line segment: PostgreSQL's lseg value.
package org.psycopg.r2dbc.codec;

import java.util.Objects;

/** The segment between two points, written {@code [(x1,y1),(x2,y2)]}. Immutable. */
public record LineSegment(Point start, Point end) {
    public LineSegment {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }
}
