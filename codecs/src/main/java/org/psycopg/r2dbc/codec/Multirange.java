// A set of ranges: PostgreSQL's multirange types (PostgreSQL 14+).
package org.psycopg.r2dbc.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * The ranges of a multirange, in order, as the server returns them (non-empty, non-overlapping,
 * sorted). Binds as the multirange type of its ranges' type; an empty multirange binds untyped.
 * Immutable.
 *
 * @param ranges the ranges
 * @param <T> the bounds' Java type
 */
public record Multirange<T>(List<Range<T>> ranges) {

    public Multirange {
        ranges = List.copyOf(ranges);
    }

    @SafeVarargs
    public static <T> Multirange<T> of(Range<T>... ranges) {
        List<Range<T>> list = new ArrayList<>(ranges.length);
        for (Range<T> r : ranges) {
            list.add(r);
        }
        return new Multirange<>(list);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("{");
        for (int i = 0; i < ranges.size(); i++) {
            s.append(i == 0 ? "" : ",").append(ranges.get(i));
        }
        return s.append('}').toString();
    }
}
