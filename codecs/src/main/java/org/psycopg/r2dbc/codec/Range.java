// A range of values: PostgreSQL's range types (int4range, tstzrange... and user ranges).
package org.psycopg.r2dbc.codec;

/**
 * A range over an ordered type: two bounds, each inclusive or exclusive, or missing (unbounded,
 * written as an empty side: {@code [1,)}), or the empty range. A discrete range (int4range,
 * int8range, daterange) comes back from the server in canonical form, {@code [lower,upper)}.
 * Binds as the range type of its bounds' type (int4range for Integer bounds...). Immutable.
 *
 * @param lower          the lower bound, null when unbounded (or empty)
 * @param upper          the upper bound, null when unbounded (or empty)
 * @param lowerInclusive whether the lower bound belongs to the range; false when unbounded
 * @param upperInclusive whether the upper bound belongs to the range; false when unbounded
 * @param isEmpty        whether this is the empty range
 * @param <T> the bounds' Java type
 */
public record Range<T>(T lower, T upper, boolean lowerInclusive, boolean upperInclusive, boolean isEmpty) {

    private static final Range<?> EMPTY = new Range<>(null, null, false, false, true);

    public Range {
        if (isEmpty && (lower != null || upper != null || lowerInclusive || upperInclusive)) {
            throw new IllegalArgumentException("The empty range has no bounds");
        }
        if (lower == null && lowerInclusive || upper == null && upperInclusive) {
            throw new IllegalArgumentException("An unbounded side of a range is exclusive");
        }
    }

    /** The empty range. */
    @SuppressWarnings("unchecked")
    public static <T> Range<T> empty() {
        return (Range<T>) EMPTY;
    }

    /** {@code [lower,upper)}: the canonical form of discrete ranges; a null bound is unbounded. */
    public static <T> Range<T> closedOpen(T lower, T upper) {
        return new Range<>(lower, upper, lower != null, false, false);
    }

    /** {@code [lower,upper]}; a null bound is unbounded. */
    public static <T> Range<T> closed(T lower, T upper) {
        return new Range<>(lower, upper, lower != null, upper != null, false);
    }

    /** {@code (lower,upper)}; a null bound is unbounded. */
    public static <T> Range<T> open(T lower, T upper) {
        return new Range<>(lower, upper, false, false, false);
    }

    /** {@code (lower,upper]}; a null bound is unbounded. */
    public static <T> Range<T> openClosed(T lower, T upper) {
        return new Range<>(lower, upper, false, upper != null, false);
    }

    /** The range written as range_out would write it, with the bounds' {@code toString()}. */
    @Override
    public String toString() {
        if (isEmpty) {
            return "empty";
        }
        return (lowerInclusive ? "[" : "(") + (lower == null ? "" : lower) + "," + (upper == null ? "" : upper)
                + (upperInclusive ? "]" : ")");
    }
}
