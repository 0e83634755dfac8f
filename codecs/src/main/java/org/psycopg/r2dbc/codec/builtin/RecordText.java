// The text form of composite values (rowtypes.c record_out/record_in).
package org.psycopg.r2dbc.codec.builtin;

import java.util.ArrayList;
import java.util.List;

/**
 * Composite text: {@code (field,field,...)}, a NULL field being empty, an empty string {@code ""};
 * a field is quoted when empty or holding quotes, backslashes, parentheses, commas or spaces, and
 * inside quotes a quote or backslash is doubled (read back doubled or backslash-escaped).
 */
final class RecordText {

    private RecordText() {
    }

    /** The fields' texts, null for NULL. */
    static List<String> parse(String text) {
        String s = text.trim();
        if (s.length() < 2 || s.charAt(0) != '(' || s.charAt(s.length() - 1) != ')') {
            throw new IllegalArgumentException("Malformed record literal: '" + text + "'");
        }
        List<String> fields = new ArrayList<>();
        int at = 1;
        int end = s.length() - 1;
        if (end == 1) {
            return fields; // a record without fields: "()"
        }
        while (true) {
            StringBuilder b = new StringBuilder();
            boolean present = false;
            while (at < end && s.charAt(at) != ',') {
                char c = s.charAt(at++);
                present = true;
                if (c == '"') {
                    while (true) {
                        if (at >= end) {
                            throw new IllegalArgumentException("Unterminated quote in record literal: '" + text + "'");
                        }
                        char q = s.charAt(at++);
                        if (q == '\\') {
                            b.append(s.charAt(at++));
                        } else if (q == '"') {
                            if (at < end && s.charAt(at) == '"') {
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
                    b.append(s.charAt(at++));
                } else {
                    b.append(c);
                }
            }
            fields.add(present ? b.toString() : null);
            if (at >= end) {
                return fields;
            }
            at++; // the comma
        }
    }

    /** record_out's text of fields already written as text (null for NULL). */
    static String format(List<String> fields) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            String f = fields.get(i);
            if (f != null) {
                QuotedText.append(b, f, "(),", false, QuotedText.Escape.DOUBLING);
            }
        }
        return b.append(')').toString();
    }
}
