// Reads Blob and Clob parameter values into memory before a statement is encoded.
package org.psycopg.r2dbc;

import io.r2dbc.spi.Blob;
import io.r2dbc.spi.Clob;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A Bind message carries whole values, so a Blob's or Clob's stream is collected first
 * (bytea and text values are bounded by the server's 1 GB limit anyway).
 */
final class StreamedValues {

    private StreamedValues() {
    }

    static Mono<List<Object[]>> resolve(List<Object[]> bindings) {
        for (Object[] values : bindings) {
            if (hasStream(values)) {
                return Flux.fromIterable(bindings).concatMap(StreamedValues::resolve).collectList();
            }
        }
        return Mono.just(bindings);
    }

    private static boolean hasStream(Object[] values) {
        for (Object value : values) {
            if (value != null && BoundValueKind.of(value) == BoundValueKind.STREAM) {
                return true;
            }
        }
        return false;
    }

    private static Mono<Object[]> resolve(Object[] values) {
        List<Mono<Object>> resolved = new ArrayList<>(values.length);
        for (Object value : values) {
            resolved.add(collect(value));
        }
        return Flux.concat(resolved).collectList().map(List::toArray);
    }

    private static Mono<Object> collect(Object value) {
        if (value instanceof Blob blob) {
            return Flux.from(blob.stream()).collectList().map(StreamedValues::concat);
        }
        if (value instanceof Clob clob) {
            return Flux.from(clob.stream()).collect(StringBuilder::new, StringBuilder::append).map(StringBuilder::toString);
        }
        return Mono.just(value);
    }

    private static Object concat(List<ByteBuffer> parts) {
        int size = parts.stream().mapToInt(ByteBuffer::remaining).sum();
        ByteBuffer all = ByteBuffer.allocate(size);
        parts.forEach(all::put);
        return all.flip();
    }
}
