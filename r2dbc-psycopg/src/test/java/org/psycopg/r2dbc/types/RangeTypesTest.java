// Round trips of the built-in ranges and multiranges against the server, in both formats.
package org.psycopg.r2dbc.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.psycopg.r2dbc.types.ServerValues.both;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.psycopg.r2dbc.PsycopgConnection;
import org.psycopg.r2dbc.TestDatabase;
import org.psycopg.r2dbc.codec.Multirange;
import org.psycopg.r2dbc.codec.Range;

class RangeTypesTest {

    private final PsycopgConnection connection = TestDatabase.connect();
    private final ServerValues values = new ServerValues(connection);

    @AfterEach
    void close() {
        connection.close().block(TestDatabase.TIMEOUT);
    }

    @Test
    void integerRangesAreCanonicalAndRoundTripWithInfiniteBoundsAndEmptiness() {
        assertEquals(both(Range.closedOpen(1, 6)), values.roundTrip("int4range", Range.closed(1, 5), Range.class));
        assertEquals(both(Range.closedOpen(null, Long.MAX_VALUE)), values.roundTrip("int8range", Range.open(null, Long.MAX_VALUE), Range.class));
        assertEquals(both(Range.empty()), values.roundTrip("int4range", Range.empty(), Range.class));
        assertEquals(both(Range.empty()), values.read("'[5,5)'::int4range", Object.class));
        assertEquals(both(Range.open(null, null)), values.read("'(,)'::int8range", Object.class));
    }

    @Test
    void numericDateAndTimestampRangesRoundTrip() {
        Range<BigDecimal> numbers = Range.openClosed(new BigDecimal("-1.5"), new BigDecimal("1" + "0".repeat(200)));
        assertEquals(both(numbers), values.roundTrip("numrange", numbers, Range.class));
        assertEquals(both(Range.closedOpen(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 2, 1))),
                values.read("'[2024-01-01,2024-01-31]'::daterange", Object.class));
        assertEquals(both(Range.closedOpen(LocalDate.MIN, null)), values.read("'[-infinity,)'::daterange", Object.class));
        Range<LocalDateTime> stamps = Range.closed(LocalDateTime.of(2024, 1, 1, 0, 0), LocalDateTime.of(2024, 1, 1, 12, 0, 0, 1000));
        assertEquals(both(stamps), values.roundTrip("tsrange", stamps, Range.class));
        Range<OffsetDateTime> zoned = Range.closedOpen(OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), OffsetDateTime.MAX);
        assertEquals(both(zoned), values.roundTrip("tstzrange", zoned, Range.class));
    }

    @Test
    void multirangesRoundTripAndMerge() {
        Multirange<Integer> ints = Multirange.of(Range.closedOpen(1, 3), Range.closedOpen(5, 8));
        assertEquals(both(ints), values.roundTrip("int4multirange", ints, Multirange.class));
        assertEquals(both(Multirange.of(Range.closedOpen(1L, 8L))), values.read("'{[1,5),[4,8)}'::int8multirange", Object.class));
        assertEquals(both(Multirange.of()), values.read("'{}'::nummultirange", Object.class));
        assertEquals(both(Multirange.of(Range.closedOpen(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 3)))),
                values.read("'{[2024-01-01,2024-01-02]}'::datemultirange", Object.class));
        assertEquals(both(Multirange.of(Range.closedOpen(LocalDateTime.of(2024, 1, 1, 0, 0), null))),
                values.read("'{[2024-01-01 00:00,)}'::tsmultirange", Object.class));
        assertEquals(both(Multirange.of(Range.closed(OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                        OffsetDateTime.of(2024, 1, 2, 0, 0, 0, 0, ZoneOffset.UTC)))),
                values.read("'{[2024-01-01 00:00+00,2024-01-02 00:00+00]}'::tstzmultirange", Object.class));
    }
}
