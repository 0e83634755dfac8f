// The outcome of one statement: its rows, its update count and its errors, as R2DBC segments.
package org.psycopg.r2dbc;

import io.netty.util.ReferenceCountUtil;
import io.netty.util.ReferenceCounted;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import org.psycopg.r2dbc.codec.CodecRegistry;
import org.psycopg.r2dbc.error.ErrorMapping;
import org.psycopg.r2dbc.protocol.backend.BackendMessage;
import org.psycopg.r2dbc.protocol.backend.CommandComplete;
import org.psycopg.r2dbc.protocol.backend.DataRow;
import org.psycopg.r2dbc.protocol.backend.ErrorResponse;
import org.psycopg.r2dbc.protocol.backend.RowDescription;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SynchronousSink;

/**
 * One statement's backend messages, consumed once through {@link #map}, {@link #getRowsUpdated},
 * {@link #flatMap} or a {@link #filter}ed view. Rows stream with backpressure; each row's bytes
 * are released as soon as the mapping function returns. An error of the statement is an error
 * signal of {@code map} and {@code getRowsUpdated}, and a {@link Message} segment otherwise.
 * A second subscription to any of them, or to a filtered view's, fails with
 * {@link IllegalStateException}.
 */
public final class PsycopgResult implements Result {

    private final Flux<BackendMessage> messages;
    private final CodecRegistry codecs;
    private final String sql;
    private final Predicate<Segment> filter;
    private final AtomicBoolean consumed;

    PsycopgResult(Flux<BackendMessage> messages, CodecRegistry codecs, String sql) {
        this(messages, codecs, sql, null, new AtomicBoolean());
    }

    private PsycopgResult(Flux<BackendMessage> messages, CodecRegistry codecs, String sql, Predicate<Segment> filter,
            AtomicBoolean consumed) {
        this.messages = messages;
        this.codecs = codecs;
        this.sql = sql;
        this.filter = filter;
        this.consumed = consumed;
    }

    /** The messages for the one consumer of this result; an error signal for any later one. */
    private Flux<BackendMessage> messages() {
        return Flux.defer(() -> consumed.compareAndSet(false, true) ? messages
                : Flux.error(new IllegalStateException("The result was already consumed: a result can be read once")));
    }

    @Override
    public Mono<Long> getRowsUpdated() {
        if (filter != null) {
            return segments().<Long>handle((segment, sink) -> {
                if (segment instanceof UpdateCount count) {
                    sink.next(count.value());
                } else if (segment instanceof Message message) {
                    sink.error(message.exception());
                }
            }).reduce(Long::sum);
        }
        return messages().<Long>handle((message, sink) -> {
            if (message instanceof CommandComplete complete && complete.rows() >= 0) {
                sink.next(complete.rows());
            } else if (message instanceof ErrorResponse error) {
                sink.error(exception(error));
            } else {
                ReferenceCountUtil.release(message);
            }
        }).reduce(Long::sum).doOnDiscard(ReferenceCounted.class, ReferenceCountUtil::release);
    }

    @Override
    public <T> Flux<T> map(BiFunction<Row, RowMetadata, ? extends T> mappingFunction) {
        if (mappingFunction == null) {
            throw new IllegalArgumentException("mappingFunction must not be null");
        }
        if (filter != null) {
            return segments().handle((segment, sink) -> {
                if (segment instanceof RowSegment row) {
                    try {
                        emit(mappingFunction.apply(row.row(), row.row().getMetadata()), sink);
                    } finally {
                        ((PsycopgRow) row.row()).release();
                    }
                } else if (segment instanceof Message message) {
                    sink.error(message.exception());
                }
            });
        }
        RowMapper<T> mapper = new RowMapper<>(mappingFunction);
        return messages().handle(mapper).doOnDiscard(ReferenceCounted.class, ReferenceCountUtil::release);
    }

    @Override
    public <T> Flux<T> map(Function<? super Readable, ? extends T> mappingFunction) {
        if (mappingFunction == null) {
            throw new IllegalArgumentException("mappingFunction must not be null");
        }
        return map((row, metadata) -> mappingFunction.apply(row));
    }

    @Override
    public PsycopgResult filter(Predicate<Segment> predicate) {
        if (predicate == null) {
            throw new IllegalArgumentException("predicate must not be null");
        }
        return new PsycopgResult(messages, codecs, sql, filter == null ? predicate : filter.and(predicate), consumed);
    }

    @Override
    public <T> Flux<T> flatMap(Function<Segment, ? extends Publisher<? extends T>> mappingFunction) {
        if (mappingFunction == null) {
            throw new IllegalArgumentException("mappingFunction must not be null");
        }
        return segments().concatMap(segment -> {
            try {
                return mappingFunction.apply(segment);
            } finally {
                if (segment instanceof RowSegment row) {
                    ((PsycopgRow) row.row()).release();
                }
            }
        });
    }

    /** The messages as segments, with the filter applied; rows not passed on are released here. */
    private Flux<Segment> segments() {
        PsycopgRowMetadata[] metadata = new PsycopgRowMetadata[1];
        Flux<Segment> all = messages().handle((message, sink) -> {
            if (message instanceof DataRow data) {
                sink.next(new PsycopgSegments.Row(new PsycopgRow(data, metadata[0], codecs)));
            } else if (message instanceof RowDescription rows) {
                metadata[0] = new PsycopgRowMetadata(rows, codecs);
            } else if (message instanceof CommandComplete complete && complete.rows() >= 0) {
                sink.next(new PsycopgSegments.Count(complete.rows()));
            } else if (message instanceof ErrorResponse error) {
                sink.next(new PsycopgSegments.Error(exception(error)));
            }
        });
        Flux<Segment> filtered = filter == null ? all : all.filter(segment -> {
            if (filter.test(segment)) {
                return true;
            }
            if (segment instanceof RowSegment row) {
                ((PsycopgRow) row.row()).release();
            }
            return false;
        });
        return filtered.doOnDiscard(PsycopgSegments.Row.class, row -> ((PsycopgRow) row.row()).release())
                .doOnDiscard(ReferenceCounted.class, ReferenceCountUtil::release);
    }

    /** A mapping function's value goes on; null is not a value in Reactive Streams. */
    private static <T> void emit(T value, SynchronousSink<T> sink) {
        if (value == null) {
            sink.error(new IllegalStateException("The mapping function returned null for a row"));
        } else {
            sink.next(value);
        }
    }

    private R2dbcException exception(ErrorResponse error) {
        return ErrorMapping.toException(error.fields(), sql);
    }

    /** Maps DataRows to values; holds the result's metadata once its RowDescription has passed. */
    private final class RowMapper<T> implements java.util.function.BiConsumer<BackendMessage, SynchronousSink<T>> {

        private final BiFunction<Row, RowMetadata, ? extends T> function;
        private PsycopgRowMetadata metadata;

        RowMapper(BiFunction<Row, RowMetadata, ? extends T> function) {
            this.function = function;
        }

        @Override
        public void accept(BackendMessage message, SynchronousSink<T> sink) {
            if (message instanceof DataRow data) {
                PsycopgRow row = new PsycopgRow(data, metadata, codecs);
                try {
                    emit(function.apply(row, metadata), sink);
                } finally {
                    row.release();
                }
            } else if (message instanceof RowDescription rows) {
                metadata = new PsycopgRowMetadata(rows, codecs);
            } else if (message instanceof ErrorResponse error) {
                sink.error(exception(error));
            }
        }
    }
}
