// A sequence of Composable pieces rendered one after the other.
package org.psycopg.r2dbc.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Pieces of SQL rendered in order with nothing between them; {@link #join} puts a separator between
 * them instead. Immutable and thread-safe.
 */
public final class Composed extends RenderedSql {

    private final List<Composable> parts;

    private Composed(List<Composable> parts) {
        super(concatenate(parts));
        this.parts = parts;
    }

    /** The pieces, in order. */
    public static Composed of(Composable... parts) {
        return of(Arrays.asList(parts));
    }

    /** The pieces, in order; the list is copied. */
    public static Composed of(List<? extends Composable> parts) {
        return new Composed(List.copyOf(parts));
    }

    /** The pieces, in order. */
    public List<Composable> parts() {
        return parts;
    }

    /** These pieces with the SQL text {@code separator} between each two, e.g. {@code ", "}. */
    public Composed join(String separator) {
        return join(SqlText.of(separator));
    }

    /** These pieces with {@code separator} between each two. */
    public Composed join(Composable separator) {
        if (separator == null) {
            throw new IllegalArgumentException("separator must not be null");
        }
        List<Composable> joined = new ArrayList<>(Math.max(0, parts.size() * 2 - 1));
        for (Composable part : parts) {
            if (!joined.isEmpty()) {
                joined.add(separator);
            }
            joined.add(part);
        }
        return new Composed(List.copyOf(joined));
    }

    private static String concatenate(List<Composable> parts) {
        StringBuilder out = new StringBuilder();
        for (Composable part : parts) {
            out.append(part.render());
        }
        return out.toString();
    }
}
