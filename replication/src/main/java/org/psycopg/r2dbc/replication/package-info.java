/**
 * Streaming replication: what psycopg2's replication connections and pg_recvlogical do, as
 * reactive streams.
 *
 * <ul>
 *   <li>{@link org.psycopg.r2dbc.replication.ReplicationConnection} opens a walsender connection
 *       ({@code replication=database} or {@code true}) and runs IDENTIFY_SYSTEM,
 *       CREATE/DROP/READ_REPLICATION_SLOT, TIMELINE_HISTORY and START_REPLICATION.</li>
 *   <li>{@link org.psycopg.r2dbc.replication.ReplicationStream} is the started stream: XLogData on
 *       demand, acknowledged positions reported as flushed on a timer and whenever the server asks,
 *       keepalives advancing an idle slot, and with
 *       {@link org.psycopg.r2dbc.replication.ReplicationStreamOptions#heartbeatInterval()} a logical
 *       decoding message written whenever the database is quiet.</li>
 *   <li>{@link org.psycopg.r2dbc.replication.PgOutputDecoder} reads pgoutput (protocol 1 to 4)
 *       into {@link org.psycopg.r2dbc.replication.PgOutputMessage}s, values through the codecs;
 *       {@link org.psycopg.r2dbc.replication.TestDecodingDecoder} reads test_decoding's lines into
 *       {@link org.psycopg.r2dbc.replication.TestDecodingMessage}s.</li>
 *   <li>{@link org.psycopg.r2dbc.replication.ChangeStream} puts it together: a publication and a
 *       slot as a {@code Flux<ChangeEvent>} of committed changes (streamed transactions included,
 *       prepared ones on two-phase slots) with at-least-once acknowledgement.</li>
 * </ul>
 */
package org.psycopg.r2dbc.replication;
