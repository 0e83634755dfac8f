// How a server-side cursor is declared.
package org.psycopg.r2dbc.cursor;

/**
 * {@code scrollable}: DECLARE ... SCROLL, so the cursor can move backwards; {@code withHold}:
 * DECLARE ... WITH HOLD, so it outlives the transaction that created it (and may be declared
 * in auto-commit mode). A cursor without hold lives in the current transaction.
 */
public record CursorOptions(boolean scrollable, boolean withHold) {

    public static final CursorOptions DEFAULT = new CursorOptions(false, false);

    public CursorOptions scrollable(boolean value) {
        return new CursorOptions(value, withHold);
    }

    public CursorOptions withHold(boolean value) {
        return new CursorOptions(scrollable, value);
    }
}
