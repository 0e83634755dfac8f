// Specification of constants: string escaping, escape strings, numbers, booleans and NULL.
package org.psycopg.r2dbc.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LiteralTest {

    private static String render(Object value) {
        return Literal.of(value).render();
    }

    @Test
    void stringIsSingleQuoted() {
        assertEquals("'hello'", render("hello"));
        assertEquals("''", render(""));
    }

    @Test
    void singleQuotesAreDoubled() {
        assertEquals("'it''s'", render("it's"));
        assertEquals("''''''", render("''"));
        assertEquals("'x''); DROP TABLE t; --'", render("x'); DROP TABLE t; --"));
    }

    @Test
    void backslashMakesAnEscapeStringWithDoubledBackslashes() {
        assertEquals("E'C:\\\\temp'", render("C:\\temp"));
        assertEquals("E'\\\\'''", render("\\'"));
    }

    @Test
    void unicodeIsKeptAsItIs() {
        assertEquals("'żółw 🐢 名前'", render("żółw 🐢 名前"));
    }

    @Test
    void characterIsAOneCharacterString() {
        assertEquals("''''", render('\''));
        assertEquals("'a'", render('a'));
    }

    @Test
    void nullIsNull() {
        assertEquals("NULL", render(null));
    }

    @Test
    void booleansAreTrueAndFalse() {
        assertEquals("true", render(true));
        assertEquals("false", render(false));
    }

    @Test
    void integersAreDigits() {
        assertEquals("42", render(42));
        assertEquals("9223372036854775807", render(Long.MAX_VALUE));
        assertEquals("7", render((short) 7));
        assertEquals("7", render((byte) 7));
        assertEquals("123456789012345678901234567890", render(new BigInteger("123456789012345678901234567890")));
    }

    @Test
    void negativeNumbersAreParenthesized() {
        assertEquals("(-5)", render(-5));
        assertEquals("(-2147483648)", render(Integer.MIN_VALUE));
        assertEquals("(-1.50)", render(new BigDecimal("-1.50")));
        assertEquals("(-0.5)", render(-0.5d));
    }

    @Test
    void decimalsKeepTheirScale() {
        assertEquals("1.50", render(new BigDecimal("1.50")));
        assertEquals("1E+3", render(new BigDecimal("1E+3")));
    }

    @Test
    void floatingPointNumbersUseJavaNotationThatPostgresqlReads() {
        assertEquals("0.1", render(0.1d));
        assertEquals("1.0E10", render(1e10d));
        assertEquals("2.5", render(2.5f));
    }

    @Test
    void floatingPointSpecialValuesAreTypedStrings() {
        assertEquals("'NaN'::float8", render(Double.NaN));
        assertEquals("'Infinity'::float8", render(Double.POSITIVE_INFINITY));
        assertEquals("'-Infinity'::float8", render(Double.NEGATIVE_INFINITY));
        assertEquals("'NaN'::float4", render(Float.NaN));
        assertEquals("'-Infinity'::float4", render(Float.NEGATIVE_INFINITY));
    }

    @Test
    void otherTypesAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Literal.of(UUID.randomUUID()));
        assertTrue(e.getMessage().startsWith("Literal cannot render a java.util.UUID"), e.getMessage());
    }

    @Test
    void nulCharacterIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Literal.of("a\0"));
        assertThrows(IllegalArgumentException.class, () -> Literal.of('\0'));
    }

    @Test
    void valueIsKept() {
        assertEquals(42L, Literal.of(42L).value());
    }

    @Test
    void renderedStringReadsBackWithoutPlaceholders() {
        ParsedSql parsed = ParsedSql.parse("SELECT " + render("a :b $1 %s\\") + ", :c");
        assertEquals(1, parsed.parameterCount());
        assertEquals("SELECT E'a :b $1 %s\\\\', $1", parsed.sql());
    }
}
