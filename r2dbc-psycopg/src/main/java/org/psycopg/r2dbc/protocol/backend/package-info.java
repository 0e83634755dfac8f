// Messages the PostgreSQL server sends, and the decoder that frames and parses them.
/**
 * Backend messages: what the server sends. {@link
 * org.psycopg.r2dbc.protocol.backend.BackendMessageDecoder} takes whole messages off a receive
 * buffer and turns each into one of these types. All are immutable values fully parsed into Java
 * objects, except {@link org.psycopg.r2dbc.protocol.backend.DataRow} and {@link
 * org.psycopg.r2dbc.protocol.backend.CopyData}, which keep a retained slice of the receive buffer
 * and must be released by whoever ends up holding them (both are {@link
 * io.netty.util.ReferenceCounted}, so {@code ReferenceCountUtil.release(message)} works on any
 * message). Messages without content are enum singletons.
 */
package org.psycopg.r2dbc.protocol.backend;
