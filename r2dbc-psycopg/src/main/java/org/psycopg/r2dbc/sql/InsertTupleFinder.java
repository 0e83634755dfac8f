// Finds the one VALUES tuple of a single-row INSERT, from the tokens the scanner reports.
package org.psycopg.r2dbc.sql;

import java.util.Arrays;

/**
 * Follows the tokens of SQL text outside quotes and comments and recognises
 * {@code INSERT ... VALUES (tuple) [ON ...] [RETURNING ...]}: a statement that starts with
 * {@code INSERT}, has exactly one parenthesised tuple after a top-level {@code VALUES}, and whose
 * {@code $n} parameters all sit inside that tuple. Such a statement can run for many bindings as
 * one multi-row INSERT (see {@link MultiRowInsert}). Anything else ({@code WITH}, {@code SELECT},
 * {@code DEFAULT VALUES}, a tuple list already, a parameter in {@code ON CONFLICT} or
 * {@code RETURNING}) is not recognised. One instance follows one string; not thread-safe.
 */
final class InsertTupleFinder {

    private enum State { START, BEFORE_VALUES, AFTER_VALUES, IN_TUPLE, AFTER_TUPLE, TAIL, ENDED, REJECTED }

    private State state = State.START;
    private int depth;
    private int tupleStart = -1;
    private int tupleEnd = -1;
    /** The tuple's parameters as (start, end, number) triples. */
    private int[] parameters = new int[12];
    private int parameterLength;

    void word(String sql, int start, int end) {
        switch (state) {
            case START -> state = is(sql, start, end, "insert") ? State.BEFORE_VALUES : State.REJECTED;
            case BEFORE_VALUES -> {
                if (depth == 0 && is(sql, start, end, "values")) {
                    state = State.AFTER_VALUES;
                }
            }
            // The tuple may be followed only by ON CONFLICT ... and RETURNING ...
            case AFTER_TUPLE -> state = is(sql, start, end, "on") || is(sql, start, end, "returning") ? State.TAIL : State.REJECTED;
            case AFTER_VALUES, ENDED -> state = State.REJECTED;
            default -> {
            }
        }
    }

    void openParenthesis(int at) {
        if (state == State.AFTER_VALUES) {
            state = State.IN_TUPLE;
            tupleStart = at;
        } else if (state == State.AFTER_TUPLE || state == State.ENDED) {
            state = State.REJECTED;
        }
        depth++;
    }

    void closeParenthesis(int at) {
        depth = Math.max(0, depth - 1);
        if (state == State.IN_TUPLE && depth == 0) {
            state = State.AFTER_TUPLE;
            tupleEnd = at + 1;
        }
    }

    /** A comma: right after the tuple, at the top level, it starts a second tuple. */
    void comma() {
        if (depth == 0 && (state == State.AFTER_TUPLE || state == State.AFTER_VALUES || state == State.ENDED)) {
            state = State.REJECTED;
        }
    }

    /** A {@code $n} parameter at {@code start..end}. */
    void parameter(int start, int end, int number) {
        if (state != State.IN_TUPLE) {
            state = State.REJECTED;
            return;
        }
        if (parameterLength + 3 > parameters.length) {
            parameters = Arrays.copyOf(parameters, parameters.length * 2);
        }
        parameters[parameterLength++] = start;
        parameters[parameterLength++] = end;
        parameters[parameterLength++] = number;
    }

    /** Any other token: an operator, a constant, a quoted identifier, another placeholder style. */
    void symbol() {
        if (state == State.AFTER_VALUES || state == State.AFTER_TUPLE || state == State.ENDED) {
            state = State.REJECTED;
        }
    }

    void semicolon() {
        if (depth == 0) {
            state = state == State.AFTER_TUPLE || state == State.TAIL || state == State.ENDED ? State.ENDED : State.REJECTED;
        }
    }

    /** The tuple found, or null when the text is not a single-row INSERT. */
    InsertTuple finish() {
        if (state != State.AFTER_TUPLE && state != State.TAIL && state != State.ENDED) {
            return null;
        }
        return new InsertTuple(tupleStart, tupleEnd, Arrays.copyOf(parameters, parameterLength));
    }

    private static boolean is(String sql, int start, int end, String lowerCaseWord) {
        return end - start == lowerCaseWord.length() && sql.regionMatches(true, start, lowerCaseWord, 0, end - start);
    }
}
