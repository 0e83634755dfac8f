// The binary format of numeric (numeric.c numeric_send/numeric_recv) to and from BigDecimal.
package org.psycopg.r2dbc.codec.builtin;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;

import org.psycopg.r2dbc.codec.ValueWriter;

/**
 * numeric on the wire: int16 ndigits, int16 weight, uint16 sign, int16 dscale, then ndigits int16
 * base-10000 digits, the first one weighing 10000^weight. The sign word also flags the special
 * values NaN, Infinity and -Infinity, read here as the equal {@code Double}s.
 */
final class NumericBinary {

    private static final int NBASE = 10000;
    private static final int POS = 0x0000, NEG = 0x4000, NAN = 0xC000, PINF = 0xD000, NINF = 0xF000;
    private static final BigInteger NBASE_BIG = BigInteger.valueOf(NBASE);

    private NumericBinary() {
    }

    /** The value: a {@code BigDecimal} with scale dscale, or a {@code Double} for NaN and the infinities. */
    static Number read(ByteBuffer b) {
        int at = b.position();
        if (b.remaining() < 8) {
            throw new IllegalArgumentException("A binary numeric has at least 8 bytes, not " + b.remaining());
        }
        int ndigits = b.getShort(at);
        int weight = b.getShort(at + 2);
        int sign = b.getShort(at + 4) & 0xFFFF;
        int dscale = b.getShort(at + 6) & 0xFFFF;
        switch (sign) {
            case NAN: return Double.NaN;
            case PINF: return Double.POSITIVE_INFINITY;
            case NINF: return Double.NEGATIVE_INFINITY;
            case POS: case NEG: break;
            default: throw new IllegalArgumentException("Invalid sign in binary numeric: 0x" + Integer.toHexString(sign));
        }
        if (ndigits < 0 || b.remaining() != 8 + 2 * ndigits) {
            throw new IllegalArgumentException("A binary numeric with " + ndigits + " digits has " + (8 + 2 * ndigits)
                    + " bytes, not " + b.remaining());
        }
        BigInteger unscaled;
        if (ndigits <= 4) {
            long v = 0;
            for (int i = 0; i < ndigits; i++) {
                v = v * NBASE + digit(b, at + 8 + 2 * i);
            }
            unscaled = BigInteger.valueOf(v);
        } else {
            unscaled = digits(b, at + 8, 0, ndigits);
        }
        if (sign == NEG) {
            unscaled = unscaled.negate();
        }
        // the last digit weighs 10000^(weight - ndigits + 1); digits past dscale are zeros
        return new BigDecimal(unscaled, 4 * (ndigits - weight - 1)).setScale(dscale, RoundingMode.DOWN);
    }

    /** Digits [from, to) as one integer, split in halves so that long values stay fast. */
    private static BigInteger digits(ByteBuffer b, int base, int from, int to) {
        if (to - from <= 4) {
            long v = 0;
            for (int i = from; i < to; i++) {
                v = v * NBASE + digit(b, base + 2 * i);
            }
            return BigInteger.valueOf(v);
        }
        int mid = (from + to) >>> 1;
        return digits(b, base, from, mid).multiply(NBASE_BIG.pow(to - mid)).add(digits(b, base, mid, to));
    }

    private static int digit(ByteBuffer b, int index) {
        int d = b.getShort(index);
        if (d < 0 || d >= NBASE) {
            throw new IllegalArgumentException("Invalid digit in binary numeric: " + d);
        }
        return d;
    }

    /** Writes {@code value} as numeric_send does: dscale is the value's scale (0 when negative). */
    static void write(BigDecimal value, ValueWriter out) {
        int scale = value.scale();
        if (scale < 0) {
            value = value.setScale(0);
            scale = 0;
        }
        if (scale > 0x3FFF) {
            throw new IllegalArgumentException("numeric allows at most 16383 digits after the decimal point, not " + scale);
        }
        // align the decimal point on a base-10000 digit boundary
        int pad = (4 - scale % 4) % 4;
        BigInteger unscaled = value.unscaledValue().abs();
        if (pad > 0) {
            unscaled = unscaled.multiply(BigInteger.TEN.pow(pad));
        }
        int fractionDigits = (scale + pad) / 4;
        String decimal = unscaled.toString();
        int groups = (decimal.length() + 3) / 4;
        short[] digits = new short[groups];
        for (int g = groups - 1, end = decimal.length(); g >= 0; g--, end -= 4) {
            digits[g] = Short.parseShort(decimal.substring(Math.max(0, end - 4), end));
        }
        int first = 0;
        while (first < groups && digits[first] == 0) {
            first++;
        }
        int last = groups;
        while (last > first && digits[last - 1] == 0) {
            last--;
        }
        int ndigits = last - first;
        int weight = ndigits == 0 ? 0 : groups - fractionDigits - 1 - first;
        if (ndigits > 0xFFFF / 2 || weight > Short.MAX_VALUE || weight < Short.MIN_VALUE) {
            throw new IllegalArgumentException("Value out of numeric's range: " + value.precision() + " digits");
        }
        out.writeShort(ndigits);
        out.writeShort(weight);
        out.writeShort(ndigits != 0 && value.signum() < 0 ? NEG : POS);
        out.writeShort(scale);
        for (int i = first; i < last; i++) {
            out.writeShort(digits[i]);
        }
    }
}
