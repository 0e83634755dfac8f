// Scans SQL text once, the way PostgreSQL's lexer reads it, to find placeholders and top-level statements.
package org.psycopg.r2dbc.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A single pass over one SQL string, without regular expressions. It steps over everything in which
 * {@code $}, {@code :} and {@code %} are plain characters for PostgreSQL (string constants, escape
 * strings, quoted identifiers, dollar-quoted strings, line and nested block comments), records each
 * placeholder it meets, and reports the rest to a {@link StatementCounter}.
 *
 * <p>String constants are read as {@code standard_conforming_strings = on} does (the default since
 * PostgreSQL 9.1): a backslash escapes only inside {@code E'...'}.
 *
 * <p>One instance scans one string and is then thrown away; it is not thread-safe.
 */
final class SqlScanner {

    /** The most parameters a Bind message can carry: its count is an unsigned 16-bit field. */
    static final int MAX_PARAMETERS = 65535;

    private static final String NAME_SYNTAX = "[A-Za-z_][A-Za-z0-9_]*";

    /** The placeholder styles; one SQL string may use only one of them. */
    private enum Style {
        NATIVE("$n"), COLON(":name"), PERCENT("%s"), PERCENT_NAMED("%(name)s");

        final String syntax;

        Style(String syntax) {
            this.syntax = syntax;
        }
    }

    /** Rewrite marker for {@code %%}, which psycopg style turns into one {@code %}. */
    private static final int PERCENT_ESCAPE = -1;

    private final String sql;
    private final int length;
    private int pos;

    private final int[] firstStart = {-1, -1, -1, -1};
    private final int[] firstEnd = new int[4];
    private int highestNative;
    private int percentCount;
    private List<String> names;
    private Map<String, Integer> indexByName;
    /** Text to replace, as (start, end, parameter index or PERCENT_ESCAPE) triples. */
    private int[] rewrites = new int[0];
    private int rewriteLength;
    private int lonePercent = -1;
    private int malformedStart = -1;
    private int malformedEnd;

    private final StatementCounter statements = new StatementCounter();
    private final InsertTupleFinder insertTuple = new InsertTupleFinder();

    private SqlScanner(String sql) {
        this.sql = sql;
        this.length = sql.length();
    }

    /** Scans {@code sql}; throws IllegalArgumentException when its placeholders are unusable. */
    static ParsedSql scan(String sql) {
        return new SqlScanner(sql).run();
    }

    /** Whether {@code name} is a placeholder name: {@code [A-Za-z_][A-Za-z0-9_]*}. */
    static boolean isPlaceholderName(String name) {
        if (name.isEmpty() || !isNameStart(name.charAt(0))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            if (!isNameCont(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private ParsedSql run() {
        while (pos < length) {
            char c = sql.charAt(pos);
            switch (c) {
                case '\'' -> {
                    statements.text();
                    insertTuple.symbol();
                    skipString(pos + 1, false);
                }
                case '"' -> {
                    statements.text();
                    insertTuple.symbol();
                    skipQuotedIdentifier();
                }
                case '$' -> {
                    statements.text();
                    dollar();
                }
                case ':' -> {
                    statements.text();
                    insertTuple.symbol();
                    colon();
                }
                case '%' -> {
                    statements.text();
                    insertTuple.symbol();
                    percent();
                }
                case '-' -> {
                    if (at(pos + 1) == '-') {
                        skipLineComment();
                    } else {
                        statements.text();
                        insertTuple.symbol();
                        pos++;
                    }
                }
                case '/' -> {
                    if (at(pos + 1) == '*') {
                        skipBlockComment();
                    } else {
                        statements.text();
                        insertTuple.symbol();
                        pos++;
                    }
                }
                case '(' -> {
                    statements.openParenthesis();
                    insertTuple.openParenthesis(pos);
                    pos++;
                }
                case ')' -> {
                    statements.closeParenthesis();
                    insertTuple.closeParenthesis(pos);
                    pos++;
                }
                case ';' -> {
                    statements.semicolon();
                    insertTuple.semicolon();
                    pos++;
                }
                default -> {
                    if (isIdentStart(c)) {
                        word();
                    } else {
                        if (c == ',') {
                            statements.text();
                            insertTuple.comma();
                        } else if (!isSpace(c)) {
                            statements.text();
                            insertTuple.symbol();
                        }
                        pos++;
                    }
                }
            }
        }
        return result(statements.finish());
    }

    // ---- things the server reads as text: skipped whole

    /** Skips a string constant whose body starts at {@code i}; E'' strings take backslash escapes. */
    private void skipString(int i, boolean backslashEscapes) {
        while (i < length) {
            char c = sql.charAt(i);
            if (c == '\\' && backslashEscapes) {
                i += 2;
            } else if (c == '%' && at(i + 1) == '%') {
                // psycopg style writes a literal % as %% everywhere, in strings too ('100%%').
                addRewrite(i, i + 2, PERCENT_ESCAPE);
                i += 2;
            } else if (c == '\'') {
                if (at(i + 1) == '\'') {
                    i += 2;
                    continue;
                }
                int continued = backslashEscapes ? continuationQuote(i + 1) : -1;
                if (continued < 0) {
                    pos = i + 1;
                    return;
                }
                i = continued + 1;
            } else {
                i++;
            }
        }
        pos = length;
    }

    /**
     * The quote that continues a string constant ended just before {@code i}: PostgreSQL joins
     * {@code 'a'} and {@code 'b'} separated by whitespace holding a newline (and perhaps -- comments),
     * and the continuation keeps the escape rules of the first part. -1 when none follows.
     */
    private int continuationQuote(int i) {
        boolean newline = false;
        while (i < length) {
            char c = sql.charAt(i);
            if (c == '\'') {
                return newline ? i : -1;
            } else if (c == '-' && at(i + 1) == '-') {
                while (i < length && sql.charAt(i) != '\n' && sql.charAt(i) != '\r') {
                    i++;
                }
            } else if (isSpace(c)) {
                newline |= c == '\n' || c == '\r';
                i++;
            } else {
                return -1;
            }
        }
        return -1;
    }

    private void skipQuotedIdentifier() {
        int i = pos + 1;
        while (i < length) {
            if (sql.charAt(i) == '"') {
                if (at(i + 1) != '"') {
                    pos = i + 1;
                    return;
                }
                i += 2;
            } else {
                i++;
            }
        }
        pos = length;
    }

    private void skipLineComment() {
        int i = pos + 2;
        while (i < length && sql.charAt(i) != '\n' && sql.charAt(i) != '\r') {
            i++;
        }
        pos = i;
    }

    /** Skips a block comment; PostgreSQL nests them, so every opening needs its own closing. */
    private void skipBlockComment() {
        int depth = 1;
        int i = pos + 2;
        while (i < length) {
            char c = sql.charAt(i);
            if (c == '/' && at(i + 1) == '*') {
                depth++;
                i += 2;
            } else if (c == '*' && at(i + 1) == '/') {
                i += 2;
                if (--depth == 0) {
                    pos = i;
                    return;
                }
            } else {
                i++;
            }
        }
        pos = length;
    }

    /** {@code $n} is a parameter, {@code $$} or {@code $tag$} opens a dollar-quoted string. */
    private void dollar() {
        int next = pos + 1;
        if (isDigit(at(next))) {
            nativeParameter();
            return;
        }
        insertTuple.symbol();
        int tagEnd = next;
        if (isIdentStart(at(tagEnd))) {
            do {
                tagEnd++;
            } while (isIdentStart(at(tagEnd)) || isDigit(at(tagEnd)));
        }
        if (at(tagEnd) != '$') {
            pos = next;
            return;
        }
        String delimiter = sql.substring(pos, tagEnd + 1);
        int close = sql.indexOf(delimiter, tagEnd + 1);
        pos = close < 0 ? length : close + delimiter.length();
    }

    /** An identifier or key word; a lone E or e right before a quote opens an escape string. */
    private void word() {
        int start = pos;
        int end = pos + 1;
        while (isIdentCont(at(end))) {
            end++;
        }
        if (end - start == 1 && (sql.charAt(start) | 0x20) == 'e' && at(end) == '\'') {
            statements.text();
            insertTuple.symbol();
            skipString(end + 1, true);
            return;
        }
        pos = end;
        statements.word(sql, start, end);
        insertTuple.word(sql, start, end);
    }

    // ---- placeholders

    private void nativeParameter() {
        int start = pos;
        int end = pos + 1;
        long number = 0;
        while (isDigit(at(end))) {
            if (number <= MAX_PARAMETERS) {
                number = number * 10 + (sql.charAt(end) - '0');
            }
            end++;
        }
        if (number < 1 || number > MAX_PARAMETERS) {
            throw new IllegalArgumentException("Parameter " + sql.substring(start, end) + " at offset " + start
                    + " is out of range: PostgreSQL numbers parameters from $1 to $" + MAX_PARAMETERS);
        }
        noteFirst(Style.NATIVE, start, end);
        highestNative = Math.max(highestNative, (int) number);
        insertTuple.parameter(start, end, (int) number);
        pos = end;
    }

    /** {@code ::} is a cast and {@code :=} an assignment; {@code :} then a name is a placeholder. */
    private void colon() {
        char next = at(pos + 1);
        if (next == ':') {
            pos += 2;
            return;
        }
        if (!isNameStart(next)) {
            pos++;
            return;
        }
        int start = pos;
        int end = pos + 2;
        while (isNameCont(at(end))) {
            end++;
        }
        if (isIdentCont(at(end))) {
            int wordEnd = end;
            while (isIdentCont(at(wordEnd))) {
                wordEnd++;
            }
            throw new IllegalArgumentException("Placeholder '" + sql.substring(start, wordEnd) + "' at offset "
                    + start + " has a name outside " + NAME_SYNTAX);
        }
        named(Style.COLON, start, end, sql.substring(start + 1, end));
    }

    private void percent() {
        switch (at(pos + 1)) {
            case '%' -> {
                addRewrite(pos, pos + 2, PERCENT_ESCAPE);
                pos += 2;
            }
            case 's' -> {
                noteFirst(Style.PERCENT, pos, pos + 2);
                int index = percentCount++;
                requireWithinLimit(index);
                addRewrite(pos, pos + 2, index);
                pos += 2;
            }
            case '(' -> percentNamed();
            default -> {
                if (lonePercent < 0) {
                    lonePercent = pos;
                }
                pos++;
            }
        }
    }

    private void percentNamed() {
        int start = pos;
        int i = pos + 2;
        if (isNameStart(at(i))) {
            do {
                i++;
            } while (isNameCont(at(i)));
            if (at(i) == ')' && at(i + 1) == 's') {
                named(Style.PERCENT_NAMED, start, i + 2, sql.substring(start + 2, i));
                return;
            }
        }
        if (malformedStart < 0) {
            malformedStart = start;
            malformedEnd = Math.min(i + 2, length);
        }
        pos = start + 1;
    }

    private void named(Style style, int start, int end, String name) {
        noteFirst(style, start, end);
        if (names == null) {
            names = new ArrayList<>();
            indexByName = new HashMap<>();
        }
        Integer index = indexByName.get(name);
        if (index == null) {
            index = names.size();
            requireWithinLimit(index);
            names.add(name);
            indexByName.put(name, index);
        }
        addRewrite(start, end, index);
        pos = end;
    }

    private void noteFirst(Style style, int start, int end) {
        if (firstStart[style.ordinal()] < 0) {
            firstStart[style.ordinal()] = start;
            firstEnd[style.ordinal()] = end;
        }
    }

    private static void requireWithinLimit(int index) {
        if (index >= MAX_PARAMETERS) {
            throw new IllegalArgumentException("SQL has more than " + MAX_PARAMETERS
                    + " parameters, the most a PostgreSQL Bind message can carry");
        }
    }

    private void addRewrite(int start, int end, int index) {
        if (rewriteLength + 3 > rewrites.length) {
            rewrites = Arrays.copyOf(rewrites, Math.max(12, rewrites.length * 2));
        }
        rewrites[rewriteLength++] = start;
        rewrites[rewriteLength++] = end;
        rewrites[rewriteLength++] = index;
    }

    // ---- result

    private ParsedSql result(int statementCount) {
        Style style = onlyStyle();
        if (malformedStart >= 0 && style != Style.NATIVE && style != Style.COLON) {
            throw new IllegalArgumentException("Malformed placeholder '" + sql.substring(malformedStart, malformedEnd)
                    + "' at offset " + malformedStart + ": expected %(name)s with a name matching " + NAME_SYNTAX
                    + (style == null ? "; for the modulo operator write '% ('" : "; write %% for a literal %"));
        }
        // Offsets into the text are offsets into the SQL sent only when nothing was rewritten.
        InsertTuple tuple = statementCount == 1 && (style == null || style == Style.NATIVE) ? insertTuple.finish() : null;
        if (style == null) {
            return new ParsedSql(sql, List.of(), null, statementCount, tuple);
        }
        if (lonePercent >= 0 && (style == Style.PERCENT || style == Style.PERCENT_NAMED)) {
            throw new IllegalArgumentException("SQL uses " + style.syntax + " placeholders, so the '%' at offset "
                    + lonePercent + " must be written %%: only %s, %(name)s and %% may follow a % in that style");
        }
        return switch (style) {
            case NATIVE -> new ParsedSql(sql, numberedNames(highestNative), null, statementCount, tuple);
            case PERCENT -> new ParsedSql(rewrite(true), numberedNames(percentCount), null, statementCount, null);
            case COLON -> new ParsedSql(rewrite(false), List.copyOf(names), Map.copyOf(indexByName), statementCount, null);
            case PERCENT_NAMED -> new ParsedSql(rewrite(true), List.copyOf(names), Map.copyOf(indexByName),
                    statementCount, null);
        };
    }

    private Style onlyStyle() {
        Style found = null;
        for (Style style : Style.values()) {
            if (firstStart[style.ordinal()] < 0) {
                continue;
            }
            if (found != null) {
                Style earlier = firstStart[found.ordinal()] < firstStart[style.ordinal()] ? found : style;
                Style later = earlier == found ? style : found;
                throw new IllegalArgumentException("SQL mixes placeholder styles: " + describeFirst(earlier)
                        + " and " + describeFirst(later) + "; use only one of $n, :name, %s or %(name)s");
            }
            found = style;
        }
        return found;
    }

    private String describeFirst(Style style) {
        int start = firstStart[style.ordinal()];
        return "'" + sql.substring(start, firstEnd[style.ordinal()]) + "' at offset " + start;
    }

    private static List<String> numberedNames(int count) {
        String[] names = new String[count];
        for (int i = 0; i < count; i++) {
            names[i] = "$" + (i + 1);
        }
        return List.of(names);
    }

    /** The SQL with each placeholder as $n and, in psycopg style, each %% as %. */
    private String rewrite(boolean percentEscapes) {
        StringBuilder out = new StringBuilder(length + 8);
        int copied = 0;
        for (int k = 0; k < rewriteLength; k += 3) {
            int index = rewrites[k + 2];
            if (index == PERCENT_ESCAPE && !percentEscapes) {
                continue;
            }
            out.append(sql, copied, rewrites[k]);
            if (index == PERCENT_ESCAPE) {
                out.append('%');
            } else {
                out.append('$').append(index + 1);
            }
            copied = rewrites[k + 1];
        }
        return out.append(sql, copied, length).toString();
    }

    // ---- characters, in PostgreSQL's lexer classes

    private char at(int i) {
        return i < length ? sql.charAt(i) : '\0';
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** ident_start: an ASCII letter, an underscore or any non-ASCII character. */
    private static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    /** ident_cont: ident_start, a digit or a dollar sign. */
    private static boolean isIdentCont(char c) {
        return isIdentStart(c) || isDigit(c) || c == '$';
    }

    private static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isNameCont(char c) {
        return isNameStart(c) || isDigit(c);
    }
}
