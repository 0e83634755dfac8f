// The exception hierarchy of the driver and the SQLSTATE mapping that chooses among it.
/**
 * Errors that PostgreSQL reports. {@link org.psycopg.r2dbc.error.ErrorMapping} turns each
 * ErrorResponse into the {@link io.r2dbc.spi.R2dbcException} subclass of its SQLSTATE's R2DBC
 * category; each of those implements {@link org.psycopg.r2dbc.error.PostgresException}, which
 * gives every diagnostic field as {@link org.psycopg.r2dbc.error.ErrorDetails} and the code as a
 * {@link org.psycopg.r2dbc.error.SqlState}.
 */
package org.psycopg.r2dbc.error;
