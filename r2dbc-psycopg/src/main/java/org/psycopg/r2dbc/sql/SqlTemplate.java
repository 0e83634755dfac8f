// Fills the {} fields of a Sql.format template with Composable pieces.
package org.psycopg.r2dbc.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One filling of a template: text outside fields becomes {@link SqlText}; {@code {}} takes the next
 * positional argument, {@code {0}} the argument at that index, {@code {name}} the argument of that
 * name; doubled braces, "{{" and "}}", stand for braces. Automatic and numbered fields do not mix.
 * Not thread-safe; made and used by one call.
 */
final class SqlTemplate {

    private final String template;
    private final List<? extends Composable> positional;
    private final Map<String, ? extends Composable> named;
    private int nextAutomatic;
    private boolean numbered;

    private SqlTemplate(String template, List<? extends Composable> positional,
            Map<String, ? extends Composable> named) {
        this.template = RenderedSql.requireText(template, "Format template");
        this.positional = positional;
        this.named = named;
    }

    /** Fills {@code template} from positional arguments. */
    static Composed fill(String template, List<? extends Composable> arguments) {
        return new SqlTemplate(template, arguments, null).fill();
    }

    /** Fills {@code template} from named arguments. */
    static Composed fill(String template, Map<String, ? extends Composable> arguments) {
        return new SqlTemplate(template, null, arguments).fill();
    }

    private Composed fill() {
        List<Composable> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if ((c == '{' || c == '}') && i + 1 < template.length() && template.charAt(i + 1) == c) {
                text.append(c);
                i += 2;
            } else if (c == '}') {
                throw new IllegalArgumentException("Single '}' at offset " + i
                        + " in format template: write '}}' for a literal brace");
            } else if (c == '{') {
                int close = template.indexOf('}', i + 1);
                if (close < 0) {
                    throw new IllegalArgumentException("Unclosed '{' at offset " + i
                            + " in format template: write '{{' for a literal brace");
                }
                if (text.length() > 0) {
                    parts.add(SqlText.of(text.toString()));
                    text.setLength(0);
                }
                parts.add(argument(template.substring(i + 1, close), i));
                i = close + 1;
            } else {
                text.append(c);
                i++;
            }
        }
        if (text.length() > 0) {
            parts.add(SqlText.of(text.toString()));
        }
        return Composed.of(parts);
    }

    private Composable argument(String field, int offset) {
        String where = "Format field {" + field + "} at offset " + offset;
        if (field.isEmpty()) {
            if (numbered) {
                throw new IllegalArgumentException(where + ": cannot switch from numbered fields to automatic ones");
            }
            return positional(nextAutomatic++, where);
        }
        if (isNumber(field)) {
            if (nextAutomatic > 0) {
                throw new IllegalArgumentException(where + ": cannot switch from automatic fields to numbered ones");
            }
            numbered = true;
            return positional(field.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(field), where);
        }
        if (SqlScanner.isPlaceholderName(field)) {
            return named(field, where);
        }
        if (field.indexOf(':') >= 0 || field.indexOf('!') >= 0) {
            throw new IllegalArgumentException(where + ": format specifications and conversions are not supported");
        }
        throw new IllegalArgumentException(where + ": expected {}, {number} or {name}");
    }

    private Composable positional(int index, String where) {
        if (positional == null) {
            throw new IllegalArgumentException(where + " is positional, but the arguments are named");
        }
        if (index >= positional.size()) {
            int given = positional.size();
            throw new IllegalArgumentException(where + " refers to argument index " + index + ", but " + given
                    + (given == 1 ? " argument was given" : " arguments were given"));
        }
        return present(positional.get(index), where);
    }

    private Composable named(String name, String where) {
        if (named == null) {
            throw new IllegalArgumentException(where + " is named, but the arguments are positional");
        }
        if (!named.containsKey(name)) {
            throw new IllegalArgumentException(where + " has no argument; the arguments are named "
                    + new TreeSet<>(named.keySet()));
        }
        return present(named.get(name), where);
    }

    private static Composable present(Composable argument, String where) {
        if (argument == null) {
            throw new IllegalArgumentException(where + " is given null; use Literal.of(null) for SQL NULL");
        }
        return argument;
    }

    private static boolean isNumber(String field) {
        for (int i = 0; i < field.length(); i++) {
            if (field.charAt(i) < '0' || field.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
