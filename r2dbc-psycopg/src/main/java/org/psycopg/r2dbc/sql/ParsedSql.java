// One SQL string as the driver sends it: placeholders rewritten to $n, parameters named, statements counted.
package org.psycopg.r2dbc.sql;

import java.util.List;
import java.util.Map;

/**
 * SQL text with its placeholders found and rewritten to PostgreSQL's own {@code $1..$n}.
 *
 * <p>One SQL string uses one placeholder style:
 * <ul>
 *   <li>{@code $1..$n}, PostgreSQL's native parameters: the text is sent unchanged, there are as many
 *       parameters as the highest number, and they are named {@code "$1".."$n"};</li>
 *   <li>{@code :name}: each name becomes {@code $n}, numbered in order of first appearance, and a
 *       name used twice is one parameter;</li>
 *   <li>psycopg's {@code %s}, numbered left to right and named {@code "$1".."$n"}, or
 *       {@code %(name)s}, numbered like {@code :name}. In these two styles {@code %%} stands for a
 *       literal {@code %} and any other {@code %} outside quotes is an error.</li>
 * </ul>
 * A name is {@code [A-Za-z_][A-Za-z0-9_]*}. Nothing inside string constants ({@code '...'} with
 * {@code ''}, {@code E'...'} with backslash escapes), quoted identifiers, dollar-quoted strings
 * ({@code $$...$$}, {@code $tag$...$tag$}) or comments ({@code --}, nested {@code /* *}{@code /}) is a
 * placeholder, and neither are the cast {@code ::}, the assignment {@code :=} or a slice bound such as
 * {@code a[1:2]}. A slice bound that is a column needs a space: {@code a[lo : hi]}.
 *
 * <p>{@link #parse} is pure and safe to call from any thread; results are cached (a bounded cache,
 * least recently used entries leave first), and instances are immutable.
 */
public final class ParsedSql {

    private static final ParsedSqlCache CACHE = new ParsedSqlCache(1024, 32 * 1024, SqlScanner::scan);

    /** How many names an unknown-name message lists before it stops. */
    private static final int NAMES_IN_MESSAGE = 16;

    private final String sql;
    private final List<String> parameterNames;
    private final Map<String, Integer> indexByName;
    private final int statementCount;
    private final InsertTuple insertTuple;

    /**
     * {@code indexByName} is null when the parameters are positional and named "$1".."$n";
     * {@code insertTuple} is null unless the text is a single-row INSERT written with $n (or no) placeholders.
     */
    ParsedSql(String sql, List<String> parameterNames, Map<String, Integer> indexByName, int statementCount,
              InsertTuple insertTuple) {
        this.sql = sql;
        this.parameterNames = parameterNames;
        this.indexByName = indexByName;
        this.statementCount = statementCount;
        this.insertTuple = insertTuple;
    }

    /**
     * Parses {@code sql}.
     *
     * @throws IllegalArgumentException if {@code sql} is null, mixes placeholder styles, holds a
     *     malformed {@code %(} placeholder, a parameter number outside $1..$65535 or more than 65535
     *     parameters
     */
    public static ParsedSql parse(String sql) {
        if (sql == null) {
            throw new IllegalArgumentException("sql must not be null");
        }
        return CACHE.get(sql);
    }

    /** The SQL to send to the server, every placeholder written as {@code $n}. */
    public String sql() {
        return sql;
    }

    /** How many parameters the server expects: the highest {@code $n}. */
    public int parameterCount() {
        return parameterNames.size();
    }

    /** The parameter names in index order: {@code "$1".."$n"} for positional styles. */
    public List<String> parameterNames() {
        return parameterNames;
    }

    /**
     * The 0-based index of the parameter called {@code name}: {@code "name"} or {@code ":name"} for
     * the named styles, {@code "$1"} and so on for the positional ones.
     *
     * @throws IllegalArgumentException naming the unknown name and the known ones
     */
    public int indexOf(String name) {
        if (name == null) {
            throw new IllegalArgumentException("Parameter name must not be null");
        }
        int index = indexByName == null ? positionalIndex(name) : namedIndex(name);
        if (index < 0) {
            throw new IllegalArgumentException(unknownNameMessage(name));
        }
        return index;
    }

    /** How many statements the text holds, not counting empty ones: 1 means a single statement. */
    public int statementCount() {
        return statementCount;
    }

    /** The VALUES tuple of a single-row INSERT in $n style; null for other text and other styles. */
    InsertTuple insertTuple() {
        return insertTuple;
    }

    private int namedIndex(String name) {
        String bare = name.startsWith(":") ? name.substring(1) : name;
        Integer index = indexByName.get(bare);
        return index == null ? -1 : index;
    }

    private int positionalIndex(String name) {
        if (name.length() < 2 || name.charAt(0) != '$') {
            return -1;
        }
        int number = 0;
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            number = number * 10 + (c - '0');
            if (number > parameterNames.size()) {
                return -1;
            }
        }
        return number - 1;
    }

    private String unknownNameMessage(String name) {
        if (parameterNames.isEmpty()) {
            return "Unknown parameter name '" + name + "': the statement has no parameters";
        }
        List<String> shown = parameterNames.size() > NAMES_IN_MESSAGE
                ? parameterNames.subList(0, NAMES_IN_MESSAGE) : parameterNames;
        return "Unknown parameter name '" + name + "': the statement's parameters are "
                + String.join(", ", shown) + (shown.size() < parameterNames.size() ? ", ..." : "");
    }

    @Override
    public String toString() {
        return "ParsedSql[" + sql + ", parameters " + parameterNames + ", statements " + statementCount + "]";
    }
}
