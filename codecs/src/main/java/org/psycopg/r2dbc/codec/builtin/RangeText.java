// The text form of ranges and multiranges (rangetypes.c range_parse/range_deparse, multirangetypes.c).
package org.psycopg.r2dbc.codec.builtin;

import java.util.ArrayList;
import java.util.List;

/**
 * Range text: {@code empty}, or a bracket ({@code [} inclusive, {@code (} exclusive), the lower bound,
 * a comma, the upper bound and a closing bracket, an unbounded side being empty. A bound is quoted
 * when it is empty or holds quotes, backslashes, brackets, parentheses, commas or spaces; inside
 * quotes a quote or backslash is doubled (and read back doubled or backslash-escaped). Multirange
 * text is {@code {range,range...}}.
 */
final class RangeText {

    /** One range's texts: bounds null when unbounded. */
    record Parsed(boolean empty, String lower, String upper, boolean lowerInclusive, boolean upperInclusive) {
    }

    private final String s;
    private int at;

    private RangeText(String s) {
        this.s = s;
    }

    static Parsed parseRange(String text) {
        RangeText p = new RangeText(text.trim());
        Parsed range = p.range();
        if (p.at != p.s.length()) {
            throw p.invalid();
        }
        return range;
    }

    static List<Parsed> parseMultirange(String text) {
        RangeText p = new RangeText(text.trim());
        List<Parsed> ranges = new ArrayList<>();
        p.expect('{');
        p.skipSpaces();
        if (p.peek() == '}') {
            p.at++;
        } else {
            while (true) {
                p.skipSpaces();
                ranges.add(p.range());
                p.skipSpaces();
                char c = p.next();
                if (c == '}') {
                    break;
                }
                if (c != ',') {
                    throw p.invalid();
                }
            }
        }
        p.skipSpaces();
        if (p.at != p.s.length()) {
            throw p.invalid();
        }
        return ranges;
    }

    private Parsed range() {
        if (s.regionMatches(true, at, "empty", 0, 5)) {
            at += 5;
            return new Parsed(true, null, null, false, false);
        }
        char open = next();
        if (open != '[' && open != '(') {
            throw invalid();
        }
        String lower = bound();
        expect(',');
        String upper = bound();
        char close = next();
        if (close != ']' && close != ')') {
            throw invalid();
        }
        return new Parsed(false, lower, upper, open == '[' && lower != null, close == ']' && upper != null);
    }

    /** A bound's text, or null when the side is unbounded. */
    private String bound() {
        char c = peek();
        if (c == ',' || c == ')' || c == ']') {
            return null;
        }
        StringBuilder b = new StringBuilder();
        while (true) {
            c = peek();
            if (c == ',' || c == ')' || c == ']') {
                return b.toString();
            }
            at++;
            if (c == '"') {
                while (true) {
                    char q = next();
                    if (q == '\\') {
                        b.append(next());
                    } else if (q == '"') {
                        if (peek() == '"') {
                            b.append('"');
                            at++;
                        } else {
                            break;
                        }
                    } else {
                        b.append(q);
                    }
                }
            } else if (c == '\\') {
                b.append(next());
            } else {
                b.append(c);
            }
        }
    }

    private char peek() {
        if (at >= s.length()) {
            throw invalid();
        }
        return s.charAt(at);
    }

    private char next() {
        char c = peek();
        at++;
        return c;
    }

    private void expect(char c) {
        if (next() != c) {
            throw invalid();
        }
    }

    private void skipSpaces() {
        while (at < s.length() && Character.isWhitespace(s.charAt(at))) {
            at++;
        }
    }

    private IllegalArgumentException invalid() {
        return new IllegalArgumentException("Malformed range literal: '" + s + "'");
    }

    /** range_deparse's text of bounds already written as text (null when unbounded). */
    static String format(boolean empty, String lower, String upper, boolean lowerInclusive, boolean upperInclusive) {
        if (empty) {
            return "empty";
        }
        StringBuilder b = new StringBuilder();
        b.append(lowerInclusive ? '[' : '(');
        quote(b, lower);
        b.append(',');
        quote(b, upper);
        return b.append(upperInclusive ? ']' : ')').toString();
    }

    private static void quote(StringBuilder b, String bound) {
        if (bound == null) {
            return;
        }
        QuotedText.append(b, bound, "()[],", false, QuotedText.Escape.DOUBLING);
    }
}
