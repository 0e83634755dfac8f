// The PostgreSQL frontend/backend wire protocol 3.0 as pure types and functions over Netty buffers.
/**
 * The PostgreSQL frontend/backend protocol, version 3.0: one immutable type per message,
 * {@link org.psycopg.r2dbc.protocol.frontend frontend messages} that encode themselves into a
 * {@code ByteBuf}, and a {@link org.psycopg.r2dbc.protocol.backend.BackendMessageDecoder decoder}
 * that frames and parses {@link org.psycopg.r2dbc.protocol.backend backend messages}.
 *
 * <p>Nothing here does I/O, keeps connection state or knows about Reactor: the engine owns the
 * channel and the conversation; this package owns the bytes. Reference: the "Message Formats"
 * section of PostgreSQL's protocol documentation.
 */
package org.psycopg.r2dbc.protocol;
