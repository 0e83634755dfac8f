// A MAC address: PostgreSQL's macaddr (6 bytes) and macaddr8 (8 bytes) values.
package org.psycopg.r2dbc.codec;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A MAC address of 6 bytes (macaddr) or 8 bytes (macaddr8), binding as the type of its length.
 * Immutable: the bytes are copied in and out.
 */
public final class MacAddress {

    private final byte[] bytes;

    private MacAddress(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The address of these 6 or 8 bytes. */
    public static MacAddress of(byte[] bytes) {
        if (bytes.length != 6 && bytes.length != 8) {
            throw new IllegalArgumentException("A MAC address has 6 or 8 bytes, not " + bytes.length);
        }
        return new MacAddress(bytes.clone());
    }

    /**
     * Reads macaddr_out's or macaddr8_out's text, {@code 08:00:2b:01:02:03}; hyphens may separate
     * the bytes too.
     */
    public static MacAddress parse(String text) {
        String hex = text.trim().replace(":", "").replace("-", "").replace(".", "");
        try {
            return of(HexFormat.of().parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a MAC address: '" + text + "'", e);
        }
    }

    /** A copy of the address's bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** 6 or 8. */
    public int length() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MacAddress && Arrays.equals(bytes, ((MacAddress) o).bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** As PostgreSQL writes it: lower-case hex bytes separated by colons. */
    @Override
    public String toString() {
        return HexFormat.ofDelimiter(":").formatHex(bytes);
    }
}
