// The text form of arrays (arrayfuncs.c array_in/array_out): braces, quoting, NULL and bounds.
package org.psycopg.r2dbc.codec.builtin;

import java.util.ArrayList;
import java.util.List;

/**
 * Array text as array_out writes it: {@code {1,2,3}}, nested braces per dimension, elements
 * double-quoted when empty, equal to NULL or holding a delimiter, quote, backslash, brace or
 * space (with {@code \} escaping quotes and backslashes), unquoted {@code NULL} for NULL, and a
 * {@code [lower:upper]...=} prefix when a lower bound is not 1. The vector types (int2vector,
 * oidvector) write their elements separated by spaces, without braces.
 */
final class ArrayText {

    /** A parsed array: dimension lengths, lower bounds, and element texts (null for NULL) in row-major order. */
    record Parsed(int[] dimensions, int[] lowerBounds, List<String> elements) {
    }

    private final String s;
    private final char delimiter;
    private int at;
    private final List<String> elements = new ArrayList<>();
    private final List<Integer> lengths = new ArrayList<>();

    private ArrayText(String s, char delimiter) {
        this.s = s;
        this.delimiter = delimiter;
    }

    static Parsed parse(String text, char delimiter) {
        String s = text.trim();
        if (!s.startsWith("{") && !s.startsWith("[")) {
            return vector(s);
        }
        ArrayText p = new ArrayText(s, delimiter);
        List<Integer> bounds = p.bounds();
        p.level(0);
        p.skipSpaces();
        if (p.at != s.length()) {
            throw p.invalid();
        }
        int ndim = p.elements.isEmpty() ? 0 : p.lengths.size();
        int[] dims = new int[ndim];
        int[] lower = new int[ndim];
        for (int i = 0; i < ndim; i++) {
            dims[i] = p.lengths.get(i);
            lower[i] = bounds.isEmpty() ? 1 : bounds.get(i);
        }
        if (!bounds.isEmpty() && bounds.size() != ndim) {
            throw p.invalid();
        }
        return new Parsed(dims, lower, p.elements);
    }

    private static Parsed vector(String s) {
        List<String> items = new ArrayList<>();
        for (String item : s.split(" +")) {
            if (!item.isEmpty()) {
                items.add(item);
            }
        }
        return items.isEmpty() ? new Parsed(new int[0], new int[0], items)
                : new Parsed(new int[] {items.size()}, new int[] {0}, items);
    }

    /** The {@code [l:u][l:u]=} prefix's lower bounds; empty when absent. */
    private List<Integer> bounds() {
        List<Integer> lower = new ArrayList<>();
        while (at < s.length() && s.charAt(at) == '[') {
            int colon = s.indexOf(':', at);
            int close = s.indexOf(']', at);
            if (colon < 0 || close < colon) {
                throw invalid();
            }
            lower.add(Integer.parseInt(s.substring(at + 1, colon).trim()));
            at = close + 1;
        }
        if (!lower.isEmpty()) {
            skipSpaces();
            expect('=');
            skipSpaces();
        }
        return lower;
    }

    private void level(int depth) {
        expect('{');
        int count = 0;
        skipSpaces();
        if (at < s.length() && s.charAt(at) == '}') {
            at++;
            record(depth, 0);
            return;
        }
        while (true) {
            skipSpaces();
            if (at < s.length() && s.charAt(at) == '{') {
                level(depth + 1);
            } else {
                elements.add(element());
            }
            count++;
            skipSpaces();
            if (at >= s.length()) {
                throw invalid();
            }
            char c = s.charAt(at++);
            if (c == '}') {
                break;
            }
            if (c != delimiter) {
                throw invalid();
            }
        }
        record(depth, count);
    }

    private void record(int depth, int count) {
        while (lengths.size() <= depth) {
            lengths.add(-1);
        }
        if (lengths.get(depth) == -1) {
            lengths.set(depth, count);
        } else if (lengths.get(depth) != count) {
            throw new IllegalArgumentException("Multidimensional arrays must have sub-arrays of matching dimensions: '" + s + "'");
        }
    }

    private String element() {
        StringBuilder b = new StringBuilder();
        if (at < s.length() && s.charAt(at) == '"') {
            at++;
            while (true) {
                if (at >= s.length()) {
                    throw invalid();
                }
                char c = s.charAt(at++);
                if (c == '"') {
                    return b.toString();
                }
                if (c == '\\') {
                    if (at >= s.length()) {
                        throw invalid();
                    }
                    c = s.charAt(at++);
                }
                b.append(c);
            }
        }
        int lastKept = 0;
        while (at < s.length()) {
            char c = s.charAt(at);
            if (c == delimiter || c == '}' || c == '{' || c == '"') {
                break;
            }
            at++;
            if (c == '\\' && at < s.length()) {
                b.append(s.charAt(at++));
                lastKept = b.length();
            } else {
                b.append(c);
                if (!Character.isWhitespace(c)) {
                    lastKept = b.length();
                }
            }
        }
        b.setLength(lastKept);
        String text = b.toString();
        if (text.isEmpty()) {
            throw invalid();
        }
        return text.equalsIgnoreCase("NULL") ? null : text;
    }

    private void skipSpaces() {
        while (at < s.length() && Character.isWhitespace(s.charAt(at))) {
            at++;
        }
    }

    private void expect(char c) {
        if (at >= s.length() || s.charAt(at) != c) {
            throw invalid();
        }
        at++;
    }

    private IllegalArgumentException invalid() {
        return new IllegalArgumentException("Malformed array literal: '" + s + "'");
    }

    /** array_out's text of elements (null for NULL) in row-major order with these dimensions and lower bounds. */
    static String format(int[] dims, int[] lowerBounds, List<String> elements, char delimiter) {
        if (dims.length == 0) {
            return "{}";
        }
        StringBuilder b = new StringBuilder();
        boolean defaultBounds = true;
        for (int lb : lowerBounds) {
            defaultBounds &= lb == 1;
        }
        if (!defaultBounds) {
            for (int i = 0; i < dims.length; i++) {
                b.append('[').append(lowerBounds[i]).append(':').append(lowerBounds[i] + dims[i] - 1).append(']');
            }
            b.append('=');
        }
        int[] next = {0};
        nest(b, dims, 0, elements, next, delimiter, "{}" + delimiter);
        return b.toString();
    }

    private static void nest(StringBuilder b, int[] dims, int depth, List<String> elements, int[] next, char delimiter,
                             String specials) {
        b.append('{');
        for (int i = 0; i < dims[depth]; i++) {
            if (i > 0) {
                b.append(delimiter);
            }
            if (depth + 1 < dims.length) {
                nest(b, dims, depth + 1, elements, next, delimiter, specials);
            } else {
                quote(b, elements.get(next[0]++), specials);
            }
        }
        b.append('}');
    }

    /** Appends an element as array_out does: quoted when it must be (a text reading NULL must), NULL for null. */
    private static void quote(StringBuilder b, String e, String specials) {
        if (e == null) {
            b.append("NULL");
            return;
        }
        QuotedText.append(b, e, specials, e.equalsIgnoreCase("NULL"), QuotedText.Escape.BACKSLASH);
    }
}
