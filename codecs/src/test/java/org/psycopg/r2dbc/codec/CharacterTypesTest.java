// Byte-vector tests of the character types, bytea, uuid, Blob and Clob.
package org.psycopg.r2dbc.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.psycopg.r2dbc.codec.Wire.binary;
import static org.psycopg.r2dbc.codec.Wire.encode;
import static org.psycopg.r2dbc.codec.Wire.text;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.r2dbc.spi.Blob;
import io.r2dbc.spi.Clob;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class CharacterTypesTest {

    private final CodecRegistry registry = CodecRegistry.defaults();

    enum Mood { HAPPY, SAD }

    @Test
    void characterTypesReadUtf8InBothFormats() {
        assertEquals("héllo wörld ☃ 𝄞", binary(Oids.TEXT, "68c3a96c6c6f2077c3b6726c6420e29883 20f09d849e"));
        assertEquals("", binary(Oids.VARCHAR, ""));
        assertEquals("ab  ", text(Oids.BPCHAR, "ab  "));
        assertEquals("pg_class", binary(Oids.NAME, "70675f636c617373"));
        assertEquals(String.class, registry.javaType(Oids.VARCHAR));
    }

    @Test
    void quotedCharReadsAsCharoutWritesIt() {
        assertEquals("a", binary(Oids.CHAR, "61"));
        assertEquals("", binary(Oids.CHAR, ""));
        assertEquals("\\351", binary(Oids.CHAR, "e9"));
        assertEquals('a', binary(Oids.CHAR, "61", Character.class));
    }

    @Test
    void stringBindsAsUntypedText() {
        ParameterEncoder encoder = registry.encoder(String.class);
        assertEquals(Oids.UNSPECIFIED, encoder.oid("x"));
        assertEquals(Format.TEXT, encoder.format("x"));
        assertEquals("c3a9", encode("é"));
        assertEquals(0, registry.nullOid(String.class));
    }

    @Test
    void characterBindsAsTextAndEnumsAsUntypedNames() {
        assertEquals(Oids.TEXT, registry.encoder(Character.class).oid('x'));
        assertEquals("e29883", encode('☃'));
        assertEquals("4841505059", encode(Mood.HAPPY));
        assertEquals(Oids.UNSPECIFIED, registry.encoder(Mood.class).oid(Mood.SAD));
        assertEquals(Format.TEXT, registry.encoder(Mood.class).format(Mood.SAD));
        assertEquals(Mood.SAD, text(Oids.TEXT, "SAD", Mood.class));
        assertThrows(IllegalArgumentException.class, () -> text(Oids.TEXT, "ANGRY", Mood.class));
    }

    @Test
    void byteaReadsRawBinaryAndHexOrEscapeText() {
        assertEquals(ByteBuffer.wrap(new byte[] {0, 1, (byte) 0xff}), binary(Oids.BYTEA, "0001ff"));
        assertArrayEquals(new byte[] {0, 1, (byte) 0xff}, binary(Oids.BYTEA, "0001ff", byte[].class));
        assertArrayEquals(new byte[] {0, 1, (byte) 0xff}, text(Oids.BYTEA, "\\x0001ff", byte[].class));
        assertArrayEquals(new byte[] {'a', '\\', 0, (byte) 0xff}, text(Oids.BYTEA, "a\\\\\\000\\377", byte[].class));
        assertArrayEquals(new byte[0], text(Oids.BYTEA, "\\x", byte[].class));
        assertEquals("\\x0001ff", binary(Oids.BYTEA, "0001ff", String.class));
        assertEquals(ByteBuffer.class, registry.javaType(Oids.BYTEA));
    }

    @Test
    void byteArraysAndBuffersBindAsBytea() {
        assertEquals("0001ff", encode(new byte[] {0, 1, (byte) 0xff}));
        ByteBuffer buffer = ByteBuffer.wrap(new byte[] {9, 0, 1, (byte) 0xff}).position(1);
        assertEquals("0001ff", encode(buffer));
        assertEquals(1, buffer.position());
        assertEquals(Oids.BYTEA, registry.encoder(buffer.getClass()).oid(buffer));
        assertEquals(Oids.BYTEA, registry.nullOid(byte[].class));
    }

    @Test
    void blobAndClobStreamTheValue() {
        Blob blob = binary(Oids.BYTEA, "0001ff", Blob.class);
        ByteBuffer streamed = Mono.from(blob.stream()).block(Duration.ofSeconds(5));
        assertEquals(ByteBuffer.wrap(new byte[] {0, 1, (byte) 0xff}), streamed);
        Clob clob = text(Oids.TEXT, "héllo", Clob.class);
        assertEquals("héllo", Flux.from(clob.stream()).map(CharSequence::toString).reduce(String::concat).block(Duration.ofSeconds(5)));
    }

    @Test
    void uuidReadsSixteenBytesOrHyphenatedHex() {
        UUID id = UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
        assertEquals(id, binary(Oids.UUID, "a0eebc999c0b4ef8bb6d6bb9bd380a11"));
        assertEquals(id, text(Oids.UUID, "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"));
        assertEquals("a0eebc999c0b4ef8bb6d6bb9bd380a11", encode(id));
        assertEquals("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", binary(Oids.UUID, "a0eebc999c0b4ef8bb6d6bb9bd380a11", String.class));
    }
}
