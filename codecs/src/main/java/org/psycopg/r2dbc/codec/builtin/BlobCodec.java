// io.r2dbc.spi.Blob: a bytea value offered as a stream.
package org.psycopg.r2dbc.codec.builtin;

import java.nio.ByteBuffer;
import java.util.List;

import org.psycopg.r2dbc.codec.Codec;
import org.psycopg.r2dbc.codec.CodecRegistry;
import org.psycopg.r2dbc.codec.Decoding;
import org.psycopg.r2dbc.codec.Format;
import org.psycopg.r2dbc.codec.Oids;

import io.r2dbc.spi.Blob;
import reactor.core.publisher.Mono;

/**
 * bytea as an R2DBC {@code Blob}: the value is already in memory, so its stream is one read-only
 * {@code ByteBuffer} over a copy of the bytes. Binding a {@code Blob} is the driver's work (it
 * collects the stream, then binds the bytes), so this codec only reads.
 */
final class BlobCodec implements Codec<Blob> {

    private static final List<Decoding> DECODINGS = List.of(Decoding.of(Oids.BYTEA));

    @Override
    public Class<Blob> javaType() {
        return Blob.class;
    }

    @Override
    public List<Decoding> decodings() {
        return DECODINGS;
    }

    @Override
    public Blob decode(int oid, Format format, ByteBuffer bytes, Class<?> type, CodecRegistry registry) {
        byte[] value = Bytea.read(format, bytes);
        return Blob.from(Mono.fromSupplier(() -> ByteBuffer.wrap(value).asReadOnlyBuffer()));
    }
}
