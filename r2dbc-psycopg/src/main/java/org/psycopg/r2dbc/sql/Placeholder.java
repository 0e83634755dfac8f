// A parameter marker in composed SQL: $n by number or :name by name.
package org.psycopg.r2dbc.sql;

/**
 * Marks where a bound value goes: {@code $n} (PostgreSQL's own form) or {@code :name}, both of which
 * {@link ParsedSql} reads back when the composed SQL becomes a statement. A composed statement uses
 * one form throughout, as {@link ParsedSql} requires. Immutable and thread-safe.
 */
public final class Placeholder extends RenderedSql {

    private final String name;

    private Placeholder(String name, String rendered) {
        super(rendered);
        this.name = name;
    }

    /**
     * The positional placeholder {@code $number}.
     *
     * @throws IllegalArgumentException unless {@code 1 <= number <= 65535}
     */
    public static Placeholder of(int number) {
        if (number < 1 || number > SqlScanner.MAX_PARAMETERS) {
            throw new IllegalArgumentException("Placeholder number must be between 1 and "
                    + SqlScanner.MAX_PARAMETERS + ", got " + number);
        }
        String rendered = "$" + number;
        return new Placeholder(rendered, rendered);
    }

    /**
     * The named placeholder {@code :name}.
     *
     * @throws IllegalArgumentException unless {@code name} matches {@code [A-Za-z_][A-Za-z0-9_]*}
     */
    public static Placeholder of(String name) {
        if (name == null || !SqlScanner.isPlaceholderName(name)) {
            throw new IllegalArgumentException("Placeholder name must match [A-Za-z_][A-Za-z0-9_]*, got "
                    + (name == null ? "null" : "'" + name + "'") + "; use Placeholder.of(int) for $n");
        }
        return new Placeholder(name, ":" + name);
    }

    /** The name {@link ParsedSql#indexOf} takes for this placeholder: {@code "$1"} or {@code "name"}. */
    public String name() {
        return name;
    }
}
