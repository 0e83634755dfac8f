// A sequence of connected points: PostgreSQL's path value.
package org.psycopg.r2dbc.codec;

import java.util.List;

/**
 * Points joined in order, open ({@code [(x1,y1),...]}) or closed back to the first
 * ({@code ((x1,y1),...)}). Immutable.
 */
public record Path(List<Point> points, boolean closed) {
    public Path {
        points = List.copyOf(points);
    }
}
