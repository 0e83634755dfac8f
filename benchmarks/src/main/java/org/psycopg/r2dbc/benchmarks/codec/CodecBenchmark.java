// JMH benchmark of the binary decoding and encoding of one value per built-in type through the default codec registry.
package org.psycopg.r2dbc.benchmarks.codec;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.psycopg.r2dbc.codec.CodecRegistry;
import org.psycopg.r2dbc.codec.Format;

/**
 * Nanoseconds per value (and, with JMH's gc profiler, bytes allocated per value) to decode a value
 * in binary with {@link CodecRegistry#decode} into its Java class, and to encode it with the
 * registry's encoder for its class (looked up per value, as the driver does for every parameter). The
 * bytes decoded are the ones the encoder wrote, checked to read back as the sample in setup.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
public class CodecBenchmark {

    /** The PostgreSQL type, as {@link CodecSample#named(String)} reads it. */
    @Param({"int4", "int8", "text", "timestamptz", "numeric", "uuid", "int4[]"})
    public String type;

    private CodecRegistry registry;
    private CodecSample sample;
    private BufferValueWriter writer;
    private ByteBuffer encoded;

    @Setup
    public void setUp() {
        registry = CodecRegistry.defaults();
        sample = CodecSample.named(type);
        writer = new BufferValueWriter(1024);
        Format format = registry.encoder(sample.value().getClass()).format(sample.value());
        // text is bound in text format, whose bytes are those of its binary format (UTF-8 either way)
        if (format != Format.BINARY && sample != CodecSample.TEXT) {
            throw new IllegalStateException(type + " encodes in " + format + ", not binary");
        }
        encode();
        encoded = writer.copy();
        Object decoded = decode();
        if (!Arrays.deepEquals(new Object[] {decoded}, new Object[] {sample.value()})) {
            throw new IllegalStateException(type + " read back as " + decoded + ", not " + sample.value());
        }
    }

    @Benchmark
    public Object decode() {
        return registry.decode(sample.oid(), Format.BINARY, encoded, sample.javaClass());
    }

    @Benchmark
    public int encode() {
        writer.clear();
        Object value = sample.value();
        registry.encoder(value.getClass()).encode(value, writer);
        return writer.size();
    }
}
