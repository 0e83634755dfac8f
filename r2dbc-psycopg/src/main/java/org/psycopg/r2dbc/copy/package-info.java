/**
 * COPY: bulk transfer between the client and PostgreSQL as backpressured byte streams, and typed
 * rows in COPY's text, CSV and binary formats.
 *
 * <ul>
 *   <li>{@link org.psycopg.r2dbc.copy.Copy} runs COPY FROM STDIN and COPY TO STDOUT on a session
 *       ({@code PsycopgConnection.copyIn} and {@code copyOut} are thin faces on it). COPY IN pulls
 *       its publisher only while the connection can write; COPY OUT stops reading the socket when
 *       its subscriber has no demand. Memory stays flat whatever the size.</li>
 *   <li>{@link org.psycopg.r2dbc.copy.CopyBoth} runs a statement that enters COPY BOTH (the
 *       streaming replication protocol's START_REPLICATION): the server's CopyData as a
 *       backpressured stream, the client's CopyData and CopyDone sent alongside.</li>
 *   <li>{@link org.psycopg.r2dbc.copy.CopyRows} turns rows ({@code Object[]}, lists, records) into
 *       COPY data and back through the codecs, as psycopg's {@code Copy.write_row},
 *       {@code rows()} and {@code set_types} do.</li>
 * </ul>
 */
package org.psycopg.r2dbc.copy;
