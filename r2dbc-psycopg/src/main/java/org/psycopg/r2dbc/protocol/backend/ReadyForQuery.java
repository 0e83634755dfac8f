// ReadyForQuery: the server is idle and says where the session's transaction stands.
package org.psycopg.r2dbc.protocol.backend;

/**
 * ReadyForQuery ('Z'): the server finished the last request (a Query or a Sync) and waits for the
 * next. Decoding returns one of the three shared instances without allocating.
 *
 * @param transactionStatus {@code 'I'} idle outside a transaction, {@code 'T'} in a transaction
 *                          block, {@code 'E'} in a failed transaction block (commands are
 *                          rejected until it ends)
 */
public record ReadyForQuery(char transactionStatus) implements BackendMessage {

    public static final ReadyForQuery IDLE = new ReadyForQuery('I');
    public static final ReadyForQuery IN_TRANSACTION = new ReadyForQuery('T');
    public static final ReadyForQuery FAILED_TRANSACTION = new ReadyForQuery('E');

    public ReadyForQuery {
        if (transactionStatus != 'I' && transactionStatus != 'T' && transactionStatus != 'E') {
            throw new IllegalArgumentException("transaction status must be 'I', 'T' or 'E', not '" + transactionStatus + "'");
        }
    }

    /** The shared instance for {@code status}, or null when it is not a transaction status. */
    static ReadyForQuery of(byte status) {
        return switch (status) {
            case 'I' -> IDLE;
            case 'T' -> IN_TRANSACTION;
            case 'E' -> FAILED_TRANSACTION;
            default -> null;
        };
    }
}
