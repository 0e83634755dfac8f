// A write-ahead log position: PostgreSQL's pg_lsn value.
package org.psycopg.r2dbc.codec;

/**
 * A log sequence number, a byte position in the write-ahead log: an unsigned 64-bit number written
 * {@code 16/B374D848} (high and low 32 bits in hex). Ordered as unsigned numbers. Immutable.
 *
 * @param value the position, as an unsigned 64-bit number
 */
public record Lsn(long value) implements Comparable<Lsn> {

    /** {@code 0/0}, the invalid position. */
    public static final Lsn INVALID = new Lsn(0);

    /** Reads pg_lsn_out's text, {@code 16/B374D848}. */
    public static Lsn parse(String text) {
        String s = text.trim();
        int slash = s.indexOf('/');
        try {
            if (slash < 1 || slash > 8 || s.length() - slash - 1 < 1 || s.length() - slash - 1 > 8) {
                throw new NumberFormatException();
            }
            long high = Long.parseLong(s.substring(0, slash), 16);
            long low = Long.parseLong(s.substring(slash + 1), 16);
            return new Lsn(high << 32 | low);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a pg_lsn: '" + text + "'", e);
        }
    }

    @Override
    public int compareTo(Lsn other) {
        return Long.compareUnsigned(value, other.value);
    }

    /** As pg_lsn_out writes it: upper-case hex of the high and low 32 bits. */
    @Override
    public String toString() {
        return Long.toHexString(value >>> 32).toUpperCase() + "/" + Long.toHexString(value & 0xFFFF_FFFFL).toUpperCase();
    }
}
