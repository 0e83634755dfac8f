// Entry point for SQL composition: factories for every Composable and format templates.
package org.psycopg.r2dbc.sql;

import java.util.Arrays;
import java.util.Map;

/**
 * Builds SQL safely from pieces, for the places where parameters cannot go (names of tables and
 * columns, generated column lists, DDL):
 * <pre>{@code
 * Composed query = Sql.format("SELECT {} FROM {} WHERE {} = {}",
 *         SqlText.of(", ").join(List.of(Identifier.of("id"), Identifier.of("name"))),
 *         Identifier.of("app", "user"),
 *         Identifier.of("id"),
 *         Placeholder.of(1));
 * query.render(); // SELECT "id", "name" FROM "app"."user" WHERE "id" = $1
 * }</pre>
 * The template is trusted SQL text; what fills it is quoted as its kind requires. Every method is
 * pure and thread-safe.
 */
public final class Sql {

    private Sql() {
    }

    /** Trusted SQL text; see {@link SqlText#of}. */
    public static SqlText text(String sql) {
        return SqlText.of(sql);
    }

    /** A quoted, possibly qualified identifier; see {@link Identifier#of}. */
    public static Identifier identifier(String... names) {
        return Identifier.of(names);
    }

    /** A constant; see {@link Literal#of}. */
    public static Literal literal(Object value) {
        return Literal.of(value);
    }

    /** The placeholder {@code $number}; see {@link Placeholder#of(int)}. */
    public static Placeholder placeholder(int number) {
        return Placeholder.of(number);
    }

    /** The placeholder {@code :name}; see {@link Placeholder#of(String)}. */
    public static Placeholder placeholder(String name) {
        return Placeholder.of(name);
    }

    /**
     * Fills {@code template}: {@code {}} takes the next argument, {@code {0}} the first; the two do
     * not mix. Doubled braces, "{{" and "}}", are literal braces. Unused arguments are allowed.
     *
     * @throws IllegalArgumentException for a field with no argument, a named field, a lone brace,
     *     mixed automatic and numbered fields, a format specification such as {@code {0:x}}, a null
     *     argument or a NUL character in the template
     */
    public static Composed format(String template, Composable... arguments) {
        return SqlTemplate.fill(template, Arrays.asList(arguments));
    }

    /**
     * Fills {@code template}'s {@code {name}} fields from {@code arguments}. Doubled braces, "{{" and
     * "}}", are literal braces. Unused arguments are allowed.
     *
     * @throws IllegalArgumentException for a name with no argument, a positional field, a lone brace,
     *     a format specification, a null argument or a NUL character in the template
     */
    public static Composed format(String template, Map<String, ? extends Composable> arguments) {
        return SqlTemplate.fill(template, arguments);
    }
}
