// CommandComplete: one SQL command finished; its tag names the command and counts its rows.
package org.psycopg.r2dbc.protocol.backend;

import io.netty.buffer.ByteBuf;
import org.psycopg.r2dbc.protocol.CString;

/**
 * CommandComplete ('C'): a command finished successfully.
 *
 * @param tag the command tag, such as {@code "INSERT 0 5"}, {@code "SELECT 3"}, {@code "UPDATE 2"},
 *            {@code "COPY 10"} or {@code "CREATE TABLE"}
 */
public record CommandComplete(String tag) implements BackendMessage {

    /** The first word of the tag: {@code "INSERT"}, {@code "SELECT"}, {@code "CREATE"}... */
    public String command() {
        int space = tag.indexOf(' ');
        return space < 0 ? tag : tag.substring(0, space);
    }

    /**
     * The number of rows the command processed: the number that ends the tag ({@code 5} for
     * {@code "INSERT 0 5"}, whose middle number is an OID), or -1 when the tag ends without one. The server counts in
     * 64 unsigned bits; a count past {@code Long.MAX_VALUE} reads as {@code Long.MAX_VALUE}.
     */
    public long rows() {
        int space = tag.lastIndexOf(' ');
        if (space < 0 || space == tag.length() - 1) {
            return -1;
        }
        long rows = 0;
        for (int i = space + 1; i < tag.length(); i++) {
            int digit = tag.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            if (rows > (Long.MAX_VALUE - digit) / 10) {
                return Long.MAX_VALUE;
            }
            rows = rows * 10 + digit;
        }
        return rows;
    }

    static CommandComplete decode(ByteBuf body) {
        return new CommandComplete(CString.read(body));
    }
}
