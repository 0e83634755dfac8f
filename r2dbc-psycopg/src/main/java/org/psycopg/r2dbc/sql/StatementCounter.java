// Counts the top-level statements of SQL text from the tokens the scanner reports, as psql splits them.
package org.psycopg.r2dbc.sql;

import java.util.Arrays;

/**
 * Follows the tokens of SQL text outside quotes and comments and counts the statements that
 * semicolons separate, leaving out empty ones. As in psql, a semicolon inside parentheses, or inside
 * the {@code BEGIN ... END} body of a statement that starts with
 * {@code CREATE [OR REPLACE] {FUNCTION | PROCEDURE}} (where {@code CASE} also closes with
 * {@code END}), does not end the statement. One instance follows one string; not thread-safe.
 */
final class StatementCounter {

    /** Words that open a routine definition; each is remembered by its first letter. */
    private static final String[] ROUTINE_WORDS = {"create", "or", "replace", "function", "procedure"};

    private int statements;
    private boolean hasText;
    private int parenDepth;
    private int beginDepth;
    private int wordCount;
    private final char[] leadingWords = new char[4];

    /** The current statement holds something other than whitespace and comments. */
    void text() {
        hasText = true;
    }

    void openParenthesis() {
        hasText = true;
        parenDepth++;
    }

    void closeParenthesis() {
        hasText = true;
        if (parenDepth > 0) {
            parenDepth--;
        }
    }

    /** An identifier or key word: {@code sql} from {@code start} to {@code end}. */
    void word(String sql, int start, int end) {
        hasText = true;
        if (wordCount < leadingWords.length) {
            leadingWords[wordCount] = routineWordLetter(sql, start, end);
        }
        wordCount++;
        if (parenDepth != 0 || !definesRoutine()) {
            return;
        }
        if (wordIs(sql, start, end, "begin")) {
            beginDepth++;
        } else if (beginDepth > 0 && wordIs(sql, start, end, "case")) {
            beginDepth++;
        } else if (beginDepth > 0 && wordIs(sql, start, end, "end")) {
            beginDepth--;
        }
    }

    void semicolon() {
        if (parenDepth == 0 && beginDepth == 0) {
            endStatement();
        } else {
            hasText = true;
        }
    }

    /** Ends the text and returns how many statements it held. */
    int finish() {
        endStatement();
        return statements;
    }

    private void endStatement() {
        if (hasText) {
            statements++;
        }
        hasText = false;
        parenDepth = 0;
        beginDepth = 0;
        wordCount = 0;
        Arrays.fill(leadingWords, '\0');
    }

    private static char routineWordLetter(String sql, int start, int end) {
        for (String word : ROUTINE_WORDS) {
            if (wordIs(sql, start, end, word)) {
                return word.charAt(0);
            }
        }
        return '\0';
    }

    private boolean definesRoutine() {
        char[] w = leadingWords;
        return w[0] == 'c'
                && (w[1] == 'f' || w[1] == 'p' || (w[1] == 'o' && w[2] == 'r' && (w[3] == 'f' || w[3] == 'p')));
    }

    /** ASCII case-insensitive comparison, as PostgreSQL compares key words. */
    private static boolean wordIs(String sql, int start, int end, String lowerCaseWord) {
        if (end - start != lowerCaseWord.length()) {
            return false;
        }
        for (int k = 0; k < lowerCaseWord.length(); k++) {
            if ((sql.charAt(start + k) | 0x20) != lowerCaseWord.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
