// The body every Composable shares: its rendered SQL, fixed at construction, and value equality on it.
package org.psycopg.r2dbc.sql;

/**
 * Holds the text a {@link Composable} renders, computed once when the piece is made, so that
 * rendering is free and equality means "same kind, same SQL".
 */
abstract sealed class RenderedSql implements Composable permits SqlText, Identifier, Literal, Placeholder, Composed {

    private final String sql;

    RenderedSql(String sql) {
        this.sql = sql;
    }

    /**
     * Returns {@code text}, refusing null and the NUL character, which no PostgreSQL text value,
     * identifier or query string can hold.
     */
    static String requireText(String text, String what) {
        if (text == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            throw new IllegalArgumentException(what + " holds a NUL character (U+0000) at index " + nul
                    + ", which PostgreSQL cannot store");
        }
        return text;
    }

    @Override
    public final String render() {
        return sql;
    }

    @Override
    public final boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && ((RenderedSql) other).sql.equals(sql);
    }

    @Override
    public final int hashCode() {
        return sql.hashCode();
    }

    @Override
    public final String toString() {
        return getClass().getSimpleName() + "[" + sql + "]";
    }
}
