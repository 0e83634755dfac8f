// Round trips of date, time, timetz, timestamp, timestamptz and interval against the server, in both formats.
package org.psycopg.r2dbc.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.psycopg.r2dbc.types.ServerValues.both;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.psycopg.r2dbc.PsycopgConnection;
import org.psycopg.r2dbc.TestDatabase;
import org.psycopg.r2dbc.codec.Interval;
import reactor.core.publisher.Flux;

class DateTimeTypesTest {

    private final PsycopgConnection connection = TestDatabase.connect();
    private final ServerValues values = new ServerValues(connection);

    @AfterEach
    void close() {
        connection.close().block(TestDatabase.TIMEOUT);
    }

    @Test
    void dateRoundTripsWithItsRangeInfinitiesAndNull() {
        for (LocalDate d : new LocalDate[] {LocalDate.of(2024, 2, 29), LocalDate.of(-4712, 1, 1), LocalDate.of(5874897, 12, 31),
                LocalDate.of(-43, 3, 15), LocalDate.MAX, LocalDate.MIN}) {
            assertEquals(both(d), values.roundTrip("date", d, LocalDate.class), d.toString());
        }
        assertEquals(both(LocalDate.of(-43, 3, 15)), values.read("'0044-03-15 BC'::date", LocalDate.class));
        assertEquals(both(LocalDate.MAX), values.read("'infinity'::date", LocalDate.class));
        assertEquals(both(LocalDate.MIN), values.read("'-infinity'::date", LocalDate.class));
        assertEquals(both(null), values.read("NULL::date", LocalDate.class));
    }

    @Test
    void timeAndTimetzRoundTripToTheMicrosecondWith24Hours() {
        LocalTime micro = LocalTime.of(23, 59, 59, 999_999_000);
        assertEquals(both(micro), values.roundTrip("time", micro, LocalTime.class));
        assertEquals(both(LocalTime.MIDNIGHT), values.roundTrip("time", LocalTime.MIDNIGHT, LocalTime.class));
        assertEquals(both(LocalTime.MAX), values.read("'24:00'::time", LocalTime.class));
        OffsetTime kolkata = OffsetTime.of(1, 2, 3, 456_000, ZoneOffset.ofHoursMinutes(5, 30));
        assertEquals(both(kolkata), values.roundTrip("timetz", kolkata, OffsetTime.class));
        assertEquals(both(OffsetTime.of(12, 0, 0, 0, ZoneOffset.ofHours(-14))), values.read("'12:00-14'::timetz", OffsetTime.class));
        assertEquals(both(OffsetTime.of(12, 0, 0, 0, ZoneOffset.ofHoursMinutesSeconds(5, 53, 28))),
                values.read("'12:00+05:53:28'::timetz", OffsetTime.class));
    }

    @Test
    void timestampRoundTripsAtItsLimitsAndInfinities() {
        for (LocalDateTime t : new LocalDateTime[] {LocalDateTime.of(2024, 3, 31, 2, 30, 0, 1000), LocalDateTime.of(-4712, 1, 1, 0, 0),
                LocalDateTime.of(294276, 12, 31, 23, 59, 59, 999_999_000), LocalDateTime.MAX, LocalDateTime.MIN}) {
            assertEquals(both(t), values.roundTrip("timestamp", t, LocalDateTime.class), t.toString());
        }
        assertEquals(both(LocalDateTime.of(-43, 3, 15, 12, 0)), values.read("'0044-03-15 12:00 BC'::timestamp", LocalDateTime.class));
        // PostgreSQL rounds input to the microsecond half to even.
        assertEquals(both(LocalDateTime.of(2000, 1, 1, 0, 0, 0, 2000)), values.read("'2000-01-01 00:00:00.0000015'::timestamp", LocalDateTime.class));
    }

    @Test
    void timestamptzRoundTripsEveryZonedClassAndInfinities() {
        Instant instant = Instant.parse("2024-03-31T00:59:59.999999Z");
        assertEquals(both(instant), values.roundTrip("timestamptz", instant, Instant.class));
        assertEquals(both(instant), values.roundTrip("timestamptz", instant.atOffset(ZoneOffset.ofHours(9)), Instant.class));
        assertEquals(both(instant), values.roundTrip("timestamptz", instant.atZone(ZoneId.of("America/New_York")), Instant.class));
        assertEquals(both(OffsetDateTime.MAX), values.read("'infinity'::timestamptz", OffsetDateTime.class));
        assertEquals(both(Instant.MIN), values.read("'-infinity'::timestamptz", Instant.class));
        assertEquals(both(Instant.parse("-4713-11-24T00:00:00Z")), values.read("'4714-11-24 00:00:00+00 BC'::timestamptz", Instant.class));
    }

    @Test
    void timestamptzReadsInTheSessionTimeZoneAcrossDaylightSavingTime() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        values.execute("SET TimeZone = 'Europe/Paris'");
        assertEquals("Europe/Paris", connection.info().parameter("TimeZone"));
        // 2024-03-31 02:00 does not exist in Paris: clocks go from 02:00 +01 to 03:00 +02.
        Instant before = Instant.parse("2024-03-31T00:59:59Z");
        Instant after = Instant.parse("2024-03-31T01:00:00Z");
        assertEquals(both(OffsetDateTime.of(2024, 3, 31, 1, 59, 59, 0, ZoneOffset.ofHours(1))),
                values.roundTrip("timestamptz", before, OffsetDateTime.class));
        assertEquals(both(OffsetDateTime.of(2024, 3, 31, 3, 0, 0, 0, ZoneOffset.ofHours(2))),
                values.roundTrip("timestamptz", after, OffsetDateTime.class));
        assertEquals(both(after.atZone(paris)), values.read("'2024-03-31 03:00:00+02'::timestamptz", ZonedDateTime.class));
        assertEquals(both(LocalDateTime.of(2024, 10, 27, 2, 30)), values.read("'2024-10-27 00:30:00+00'::timestamptz", LocalDateTime.class));
        // A wall time in the gap is what PostgreSQL makes of it, in both formats alike.
        assertEquals(both(Instant.parse("2024-03-31T01:30:00Z")), values.read("'2024-03-31 02:30:00'::timestamptz", Instant.class));
        // A timestamp read as an instant is taken in the session's zone, as PostgreSQL's cast takes it.
        assertEquals(both(Instant.parse("2024-07-01T10:00:00Z")), values.read("'2024-07-01 12:00'::timestamp", Instant.class));
    }

    @Test
    void aChangedSessionTimeZoneAppliesToTheStatementsAfterItAndPosixZonesReadWestPositive() {
        String sql = "'2024-01-01 12:00:00+00'::timestamptz";
        values.execute("SET TimeZone = 'Asia/Kolkata'");
        assertEquals(both(OffsetDateTime.of(2024, 1, 1, 17, 30, 0, 0, ZoneOffset.ofHoursMinutes(5, 30))), values.read(sql, OffsetDateTime.class));
        values.execute("SET TimeZone = 'UTC+3'");
        assertEquals(both(OffsetDateTime.of(2024, 1, 1, 9, 0, 0, 0, ZoneOffset.ofHours(-3))), values.read(sql, OffsetDateTime.class));
        values.execute("SET TIME ZONE INTERVAL '+05:45' HOUR TO MINUTE");
        assertEquals(both(OffsetDateTime.of(2024, 1, 1, 17, 45, 0, 0, ZoneOffset.ofHoursMinutes(5, 45))), values.read(sql, OffsetDateTime.class));
        // Issued together, pipelined: the SELECT's rows come after the SET's ParameterStatus. (Both SQL texts
        // are new to the connection, so both are described first: a statement whose description is cached
        // is sent at once and may overtake one still being described.)
        Flux<OffsetDateTime> set = Flux.from(connection.createStatement("SET TimeZone = 'America/Chicago'").execute())
                .flatMap(result -> result.map(row -> row.get(0, OffsetDateTime.class)));
        Flux<OffsetDateTime> select = Flux.from(connection.createStatement("SELECT " + sql + " AS chicago").execute())
                .flatMap(result -> result.map(row -> row.get(0, OffsetDateTime.class)));
        assertEquals(List.of(OffsetDateTime.of(2024, 1, 1, 6, 0, 0, 0, ZoneOffset.ofHours(-6))),
                Flux.merge(set, select).collectList().block(TestDatabase.TIMEOUT));
    }

    @Test
    void intervalReadsAsIntervalDurationAndPeriod() {
        Interval mixed = new Interval(14, -3, 4_000_000_001L);
        assertEquals(both(mixed), values.roundTrip("interval", mixed, Interval.class));
        assertEquals(both(new Interval(-14, 0, 0)), values.read("'-1 year -2 mons'::interval", Interval.class));
        Duration duration = Duration.ofDays(3).plusNanos(1000);
        assertEquals(both(Duration.ofSeconds(259_200, 1000)), values.roundTrip("interval", duration, Duration.class));
        assertEquals(both(Duration.ofHours(-30)), values.read("'-30 hours'::interval", Duration.class));
        Period period = Period.of(1, 2, 3);
        assertEquals(both(period), values.roundTrip("interval", period, Period.class));
        assertEquals(both(Interval.POSITIVE_INFINITY), values.read("'infinity'::interval", Interval.class));
        assertEquals(both(new Interval(Integer.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE - 1)),
                values.read("'178956970 years 7 mons 2147483647 days 2562047788:00:54.775806'::interval", Interval.class));
    }
}
