// io.r2dbc.spi.Clob: a character value offered as a stream.
package org.psycopg.r2dbc.codec.builtin;

import static org.psycopg.r2dbc.codec.Oids.*;

import java.nio.ByteBuffer;
import java.util.List;

import org.psycopg.r2dbc.codec.Codec;
import org.psycopg.r2dbc.codec.CodecRegistry;
import org.psycopg.r2dbc.codec.Decoding;
import org.psycopg.r2dbc.codec.Format;

import io.r2dbc.spi.Clob;
import reactor.core.publisher.Mono;

/**
 * text, varchar, bpchar and name as an R2DBC {@code Clob}: the value is already in memory, so its
 * stream is one {@code String}. Binding a {@code Clob} is the driver's work (it collects the stream,
 * then binds the text), so this codec only reads.
 */
final class ClobCodec implements Codec<Clob> {

    private static final List<Decoding> DECODINGS = List.of(
            Decoding.of(TEXT), Decoding.of(VARCHAR), Decoding.of(BPCHAR), Decoding.of(NAME));

    @Override
    public Class<Clob> javaType() {
        return Clob.class;
    }

    @Override
    public List<Decoding> decodings() {
        return DECODINGS;
    }

    @Override
    public Clob decode(int oid, Format format, ByteBuffer bytes, Class<?> type, CodecRegistry registry) {
        return Clob.from(Mono.just(Bytes.utf8(bytes)));
    }
}
