// Reading any numeric PostgreSQL type as a Java Number, and converting between Number classes.
package org.psycopg.r2dbc.codec.builtin;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;

import org.psycopg.r2dbc.codec.Format;
import org.psycopg.r2dbc.codec.Oids;

/**
 * The numeric types' values as the Java {@code Number} of the same range (int2 as Short, oid as Long,
 * numeric as BigDecimal, or Double for its NaN and infinities, money as BigDecimal of scale 2), and
 * exact conversions between
 * {@code Number} classes: a conversion that would lose the value throws.
 */
final class Numbers {

    /** money's fraction digits: its binary form counts hundredths (lc_monetary's usual 2 digits). */
    private static final int MONEY_SCALE = 2;

    private Numbers() {
    }

    /** Reads a value of type {@code oid}: int2, int4, int8, oid, float4, float8 or numeric. */
    static Number read(int oid, Format format, ByteBuffer b) {
        if (format == Format.BINARY) {
            int at = b.position();
            switch (oid) {
                case Oids.INT2: Bytes.expectSize(b, 2, "int2"); return b.getShort(at);
                case Oids.INT4: Bytes.expectSize(b, 4, "int4"); return b.getInt(at);
                case Oids.INT8: Bytes.expectSize(b, 8, "int8"); return b.getLong(at);
                case Oids.OID: case Oids.XID: case Oids.CID:
                    Bytes.expectSize(b, 4, "oid"); return b.getInt(at) & 0xFFFF_FFFFL;
                case Oids.XID8: Bytes.expectSize(b, 8, "xid8"); return b.getLong(at);
                case Oids.FLOAT4: Bytes.expectSize(b, 4, "float4"); return b.getFloat(at);
                case Oids.FLOAT8: Bytes.expectSize(b, 8, "float8"); return b.getDouble(at);
                case Oids.NUMERIC: return NumericBinary.read(b);
                case Oids.MONEY: Bytes.expectSize(b, 8, "money"); return BigDecimal.valueOf(b.getLong(at), MONEY_SCALE);
                default: throw notNumeric(oid);
            }
        }
        String s = Bytes.utf8(b).trim();
        try {
            switch (oid) {
                case Oids.INT2: return Short.parseShort(s);
                case Oids.INT4: return Integer.parseInt(s);
                case Oids.INT8: case Oids.OID: case Oids.XID: case Oids.CID: case Oids.XID8: return Long.parseLong(s);
                case Oids.FLOAT4: return parseFloat4(s);
                case Oids.FLOAT8: return parseFloat8(s);
                case Oids.NUMERIC: return parseNumeric(s);
                case Oids.MONEY: return parseMoney(s);
                default: throw notNumeric(oid);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a number: '" + s + "'", e);
        }
    }

    /**
     * cash_out's text, e.g. {@code $1,234.56}, {@code -$1,234.56} or {@code ($1.00)}: the digits and
     * decimal point are kept, currency symbols and group separators dropped. Assumes a locale whose
     * decimal point is '.', as {@code lc_monetary = C} or {@code en_US} give.
     */
    static BigDecimal parseMoney(String s) {
        boolean negative = s.startsWith("-") || s.startsWith("(");
        StringBuilder digits = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9' || c == '.') {
                digits.append(c);
            }
        }
        BigDecimal value = new BigDecimal(digits.toString());
        return negative ? value.negate() : value;
    }

    private static IllegalArgumentException notNumeric(int oid) {
        return new IllegalArgumentException("Type OID " + oid + " is not a numeric type");
    }

    static float parseFloat4(String s) {
        return (float) parseFloat8(s);
    }

    /** float8out's text: a decimal, or NaN, Infinity, -Infinity. */
    static double parseFloat8(String s) {
        switch (s) {
            case "NaN": return Double.NaN;
            case "Infinity": return Double.POSITIVE_INFINITY;
            case "-Infinity": return Double.NEGATIVE_INFINITY;
            default: return Double.parseDouble(s);
        }
    }

    /** numeric_out's text: a plain decimal, or NaN, Infinity, -Infinity (as Doubles). */
    static Number parseNumeric(String s) {
        switch (s) {
            case "NaN": return Double.NaN;
            case "Infinity": return Double.POSITIVE_INFINITY;
            case "-Infinity": return Double.NEGATIVE_INFINITY;
            default: return new BigDecimal(s);
        }
    }

    /** {@code n} as {@code target}, exactly; throws when the value does not fit. */
    static Number convert(Number n, Class<?> target) {
        if (target == n.getClass()) {
            return n;
        }
        if (target == Long.class) {
            return toLong(n);
        }
        if (target == Integer.class) {
            return (int) toRange(n, Integer.MIN_VALUE, Integer.MAX_VALUE, target);
        }
        if (target == Short.class) {
            return (short) toRange(n, Short.MIN_VALUE, Short.MAX_VALUE, target);
        }
        if (target == Byte.class) {
            return (byte) toRange(n, Byte.MIN_VALUE, Byte.MAX_VALUE, target);
        }
        if (target == BigInteger.class) {
            return n instanceof BigDecimal ? toBigIntegerExact((BigDecimal) n) : BigInteger.valueOf(toLong(n));
        }
        if (target == Double.class) {
            return n.doubleValue();
        }
        if (target == Float.class) {
            return n.floatValue();
        }
        if (target == BigDecimal.class) {
            return toBigDecimal(n);
        }
        throw new IllegalArgumentException("Cannot convert " + n + " to " + target.getName());
    }

    static BigDecimal toBigDecimal(Number n) {
        if (n instanceof BigDecimal) {
            return (BigDecimal) n;
        }
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException(n + " cannot be represented as java.math.BigDecimal;"
                        + " read the value as java.lang.Double");
            }
            return new BigDecimal(n.toString());
        }
        if (n instanceof BigInteger) {
            return new BigDecimal((BigInteger) n);
        }
        return BigDecimal.valueOf(n.longValue());
    }

    private static long toLong(Number n) {
        if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
            return n.longValue();
        }
        try {
            if (n instanceof BigDecimal) {
                return ((BigDecimal) n).longValueExact();
            }
            if (n instanceof BigInteger) {
                return ((BigInteger) n).longValueExact();
            }
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(n + " does not fit java.lang.Long", e);
        }
        throw new IllegalArgumentException(n + " is not an integer");
    }

    private static BigInteger toBigIntegerExact(BigDecimal d) {
        try {
            return d.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(d + " is not an integer", e);
        }
    }

    private static long toRange(Number n, long min, long max, Class<?> target) {
        long v;
        try {
            v = toLong(n);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(n + " does not fit " + target.getName(), e);
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException(n + " does not fit " + target.getName());
        }
        return v;
    }

    /** float8out's text of {@code d}: shortest exact digits, exponent form below 1e-4 and from 1e15. */
    static String float8Text(double d) {
        return floatText(d, Double.toString(d), 15);
    }

    /** float4out's text of {@code f}: shortest exact digits, exponent form below 1e-4 and from 1e6. */
    static String float4Text(float f) {
        return floatText(f, Float.toString(f), 6);
    }

    private static String floatText(double d, String javaText, int exponentFrom) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0" : "0";
        }
        BigDecimal v = new BigDecimal(javaText).stripTrailingZeros();
        int exponent = v.precision() - v.scale() - 1;
        if (exponent >= -4 && exponent < exponentFrom) {
            return v.toPlainString();
        }
        String digits = v.unscaledValue().abs().toString();
        StringBuilder s = new StringBuilder(digits.length() + 8);
        if (v.signum() < 0) {
            s.append('-');
        }
        s.append(digits.charAt(0));
        if (digits.length() > 1) {
            s.append('.').append(digits, 1, digits.length());
        }
        s.append('e').append(exponent < 0 ? '-' : '+');
        int abs = Math.abs(exponent);
        if (abs < 10) {
            s.append('0');
        }
        return s.append(abs).toString();
    }
}
