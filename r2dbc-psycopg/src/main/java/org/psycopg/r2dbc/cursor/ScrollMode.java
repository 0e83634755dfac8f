// Where a scroll moves a server-side cursor from.
package org.psycopg.r2dbc.cursor;

/** {@code RELATIVE} to the current position, or to an {@code ABSOLUTE} row number (1 is the first row, 0 before it). */
public enum ScrollMode {
    RELATIVE,
    ABSOLUTE
}
