// Query: the simple-query protocol's message, SQL text to run at once.
package org.psycopg.r2dbc.protocol.frontend;

import io.netty.buffer.ByteBuf;
import org.psycopg.r2dbc.protocol.CString;

/**
 * Query ('Q'): runs SQL through the simple-query protocol; the server answers with each
 * statement's results and ends with ReadyForQuery.
 *
 * @param sql one or more statements separated by semicolons, without NUL characters
 */
public record Query(String sql) implements FrontendMessage {

    public Query {
        CString.requireNoNul(sql, "sql");
    }

    @Override
    public void encode(ByteBuf out) {
        int start = MessageWriter.begin(out, 'Q');
        CString.write(out, sql);
        MessageWriter.end(out, start);
    }
}
