// A Java value rendered as a PostgreSQL constant: quoted strings, numbers, booleans and NULL.
package org.psycopg.r2dbc.sql;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A value written into the SQL text as a constant, for the places where PostgreSQL takes no
 * parameter (DDL, {@code SET}, generated SQL). Renders:
 * <ul>
 *   <li>{@code null} as {@code NULL};</li>
 *   <li>a String or Character between single quotes with each quote doubled; when it holds a
 *       backslash, as an escape string {@code E'...'} with each backslash doubled, which reads the
 *       same whatever {@code standard_conforming_strings} says;</li>
 *   <li>Boolean as {@code true} or {@code false};</li>
 *   <li>Byte, Short, Integer, Long, BigInteger, BigDecimal, Float and Double as numbers, a negative
 *       one in parentheses ({@code (-5)}) so that no neighbouring {@code -} makes a comment and a
 *       following cast applies to the whole value; NaN and the infinities of Float and Double as
 *       {@code 'NaN'::float8}, {@code 'Infinity'::float4} and so on.</li>
 * </ul>
 * Other types are refused: send them as parameters. Immutable and thread-safe.
 */
public final class Literal extends RenderedSql {

    private final Object value;

    private Literal(Object value, String rendered) {
        super(rendered);
        this.value = value;
    }

    /**
     * The constant for {@code value}.
     *
     * @throws IllegalArgumentException for a type listed nowhere above, or a string holding a NUL
     *     character
     */
    public static Literal of(Object value) {
        return new Literal(value, constant(value));
    }

    /** The value as given. */
    public Object value() {
        return value;
    }

    private static String constant(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof String string) {
            return quoted(string);
        }
        if (value instanceof Character character) {
            return quoted(character.toString());
        }
        if (value instanceof Boolean bool) {
            return bool ? "true" : "false";
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger || value instanceof BigDecimal) {
            return signed(value.toString());
        }
        if (value instanceof Double number) {
            return floating(number, number.isNaN(), number.isInfinite(), "float8");
        }
        if (value instanceof Float number) {
            return floating(number, number.isNaN(), number.isInfinite(), "float4");
        }
        throw new IllegalArgumentException("Literal cannot render a " + value.getClass().getName()
                + ": it renders String, Character, Boolean, Byte, Short, Integer, Long, BigInteger, BigDecimal,"
                + " Float, Double and null; send other values as parameters");
    }

    private static String quoted(String text) {
        requireText(text, "Literal string");
        boolean escape = text.indexOf('\\') >= 0;
        StringBuilder out = new StringBuilder(text.length() + 3);
        if (escape) {
            out.append('E');
        }
        out.append('\'');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c);
            if (c == '\'' || (c == '\\' && escape)) {
                out.append(c);
            }
        }
        return out.append('\'').toString();
    }

    private static String signed(String digits) {
        return digits.startsWith("-") ? "(" + digits + ")" : digits;
    }

    private static String floating(Number number, boolean nan, boolean infinite, String type) {
        if (nan) {
            return "'NaN'::" + type;
        }
        if (infinite) {
            return (number.doubleValue() > 0 ? "'Infinity'::" : "'-Infinity'::") + type;
        }
        return signed(number.toString());
    }
}
