// Messages the client sends to the PostgreSQL server, each able to encode itself.
/**
 * Frontend messages: what the client sends to the server. Each is an immutable value that
 * checks its fields when constructed (a string with a NUL character, or a count the protocol's
 * Int16 cannot hold, is rejected with {@link java.lang.IllegalArgumentException}) and writes its
 * complete wire form, type byte and length included, with {@link
 * org.psycopg.r2dbc.protocol.frontend.FrontendMessage#encode}. To send several messages in one
 * write, encode them one after the other into the same buffer.
 */
package org.psycopg.r2dbc.protocol.frontend;
