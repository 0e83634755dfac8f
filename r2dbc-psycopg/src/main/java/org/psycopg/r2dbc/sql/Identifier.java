// A PostgreSQL identifier, always double-quoted, optionally qualified: "schema"."table".
package org.psycopg.r2dbc.sql;

import java.util.List;

/**
 * A table, column, schema or other name, rendered as a quoted identifier: each part between double
 * quotes with any double quote doubled, parts joined by dots. Quoting keeps case and any character
 * (spaces, Unicode, key words) exactly, so {@code Identifier.of("Order")} is the table {@code "Order"},
 * not {@code order}. Immutable and thread-safe.
 */
public final class Identifier extends RenderedSql {

    private final List<String> names;

    private Identifier(List<String> names, String rendered) {
        super(rendered);
        this.names = names;
    }

    /**
     * An identifier, qualified when given more than one name: {@code of("schema", "table")} renders
     * {@code "schema"."table"}.
     *
     * @throws IllegalArgumentException if no name is given, or a name is null, empty (PostgreSQL has
     *     no zero-length identifier) or holds a NUL character
     */
    public static Identifier of(String... names) {
        if (names == null || names.length == 0) {
            throw new IllegalArgumentException("An identifier needs at least one name");
        }
        StringBuilder out = new StringBuilder();
        for (String name : names) {
            requireText(name, "Identifier name");
            if (name.isEmpty()) {
                throw new IllegalArgumentException(
                        "Identifier name must not be empty: PostgreSQL has no zero-length identifier");
            }
            if (out.length() > 0) {
                out.append('.');
            }
            out.append('"');
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                out.append(c);
                if (c == '"') {
                    out.append('"');
                }
            }
            out.append('"');
        }
        return new Identifier(List.of(names), out.toString());
    }

    /** The names, unquoted, outermost first. */
    public List<String> names() {
        return names;
    }
}
