// A PostgreSQL array with everything it carries: element type, dimensions, lower bounds, NULLs.
package org.psycopg.r2dbc.codec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An array value in full: what Java arrays and lists cannot hold, non-default lower bounds
 * ({@code '[0:2]={1,2,3}'}), travels here both ways. Elements are flat in row-major order (the last
 * dimension varies fastest), NULL elements as {@code null}. Immutable.
 *
 * @param elementOid  the element type's OID; 0 when binding lets the element classes decide
 * @param dimensions  the length of each dimension; empty for an empty array
 * @param lowerBounds the index of each dimension's first element (1 by default in PostgreSQL)
 * @param elements    the elements, as many as the product of the dimensions
 */
public record PgArray(int elementOid, List<Integer> dimensions, List<Integer> lowerBounds, List<Object> elements) {

    public PgArray {
        dimensions = List.copyOf(dimensions);
        lowerBounds = List.copyOf(lowerBounds);
        elements = Collections.unmodifiableList(new ArrayList<>(elements));
        if (dimensions.size() != lowerBounds.size()) {
            throw new IllegalArgumentException("An array has one lower bound per dimension");
        }
        long count = dimensions.isEmpty() ? 0 : 1;
        for (int d : dimensions) {
            if (d < 0) {
                throw new IllegalArgumentException("A dimension's length is not negative");
            }
            count *= d;
        }
        if (count != elements.size()) {
            throw new IllegalArgumentException("Dimensions " + dimensions + " hold " + count + " elements, not " + elements.size());
        }
    }

    /** A one-dimensional array of {@code elements} starting at index {@code lowerBound}. */
    public static PgArray of(int elementOid, int lowerBound, List<?> elements) {
        if (elements.isEmpty()) {
            return new PgArray(elementOid, List.of(), List.of(), List.of());
        }
        return new PgArray(elementOid, List.of(elements.size()), List.of(lowerBound), new ArrayList<>(elements));
    }
}
