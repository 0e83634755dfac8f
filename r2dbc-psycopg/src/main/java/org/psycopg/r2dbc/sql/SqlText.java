// Raw SQL text that the application trusts, rendered as it is.
package org.psycopg.r2dbc.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * SQL text written by the application itself, such as keywords, operators and punctuation; it is
 * rendered unchanged, so it must never hold input from outside: use {@link Identifier},
 * {@link Literal} or {@link Placeholder} for that. Immutable and thread-safe.
 */
public final class SqlText extends RenderedSql {

    private SqlText(String text) {
        super(text);
    }

    /**
     * SQL text rendered as it is.
     *
     * @throws IllegalArgumentException if {@code text} is null or holds a NUL character
     */
    public static SqlText of(String text) {
        return new SqlText(requireText(text, "SQL text"));
    }

    /**
     * The pieces of {@code parts} with this text between each two, as in
     * {@code SqlText.of(", ").join(columns)}.
     */
    public Composed join(Iterable<? extends Composable> parts) {
        List<Composable> list = new ArrayList<>();
        parts.forEach(list::add);
        return Composed.of(list).join(this);
    }
}
