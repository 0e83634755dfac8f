// LISTEN/NOTIFY side by side: notifications per second into one listener, and delivery latency one at a time.
package org.psycopg.r2dbc.benchmarks;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Two scenarios for each client, on the channel {@value #CHANNEL}, every payload a sequence number
 * that the listener checks comes in order:
 * <ul>
 * <li>a burst: one transaction of an unmeasured JDBC connection notifies {@code burst} times
 *     ({@code PERFORM pg_notify(...) FROM generate_series}); the rate is the count over the time from
 *     the statement's start to the last arrival at the client's listener (best of the runs);</li>
 * <li>one at a time: the client's own publishing connection sends a notification, waits for its
 *     commit and for the client's listener to receive it, then sends the next; the delivery latency
 *     is from just before the send to the listener's callback, p50 and p99 over the measured sends.</li>
 * </ul>
 */
final class NotificationScenarios {

    static final String CHANNEL = "bench_notify";
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final double NANOS = 1e9;

    private final ServerTarget target;
    private final ResultTable table;
    private final PrintStream log;
    private final int burst;
    private final int oneAtATime;
    private final int repeats;

    private NotificationScenarios(Settings settings, ServerTarget target, ResultTable table, PrintStream log) {
        this.target = target;
        this.table = table;
        this.log = log;
        this.burst = settings.quick() ? 20_000 : 200_000;
        this.oneAtATime = settings.quick() ? 1_000 : 20_000;
        this.repeats = settings.repeats();
    }

    /** Runs both scenarios for every client and returns the table in Markdown. */
    static String run(Settings settings, ServerTarget target, List<NotifyClient> clients, PrintStream log)
            throws Exception {
        ResultTable table = new ResultTable(Benchmarks.OURS,
                clients.stream().map(NotifyClient::name).filter(name -> !name.equals(Benchmarks.OURS)).toList());
        NotificationScenarios scenarios = new NotificationScenarios(settings, target, table, log);
        try (Connection publisher = DriverManager.getConnection(target.jdbcUrl(), target.user(), target.password())) {
            for (NotifyClient client : clients) {
                scenarios.burst(client, publisher);
                scenarios.oneAtATime(client);
            }
        }
        return table.render();
    }

    private void burst(NotifyClient client, Connection publisher) {
        String scenario = String.format(Locale.ROOT, "notifications: %,d from one transaction into one listener", burst);
        ResultTable.Cell cell;
        try {
            timedBurst(client, publisher, burst / 5);
            double best = 0;
            for (int i = 0; i < repeats; i++) {
                best = Math.max(best, timedBurst(client, publisher, burst));
            }
            cell = ResultTable.Cell.of(best);
        } catch (Exception e) {
            cell = ResultTable.Cell.failed(e.toString());
        }
        record(scenario, "notifications/s", client, cell);
    }

    /** One burst of {@code count} into a fresh listener: notifications per second. */
    private double timedBurst(NotifyClient client, Connection publisher, int count) throws Exception {
        NotificationArrivals arrivals = new NotificationArrivals(count);
        try (AutoCloseable listener = client.listen(CHANNEL, arrivals);
             Statement statement = publisher.createStatement()) {
            long start = System.nanoTime();
            statement.execute("DO $$ BEGIN PERFORM pg_notify('" + CHANNEL + "', i::text) FROM generate_series(1, "
                    + count + ") i; END $$");
            arrivals.awaitTotal(count, TIMEOUT);
            return count * NANOS / (System.nanoTime() - start);
        }
    }

    private void oneAtATime(NotifyClient client) {
        String scenario = "notify, then wait for the listener: one at a time";
        int warmup = oneAtATime / 10;
        int total = warmup + oneAtATime;
        NotificationArrivals arrivals = new NotificationArrivals(total);
        long[] sentAt = new long[total + 1];
        try (AutoCloseable listener = client.listen(CHANNEL, arrivals); NotifyClient.Sender sender = client.sender()) {
            for (int i = 1; i <= total; i++) {
                sentAt[i] = System.nanoTime();
                sender.send(CHANNEL, Integer.toString(i));
                arrivals.awaitTotal(i, TIMEOUT);
            }
            double elapsed = arrivals.arrivedAt(total) - sentAt[warmup + 1];
            long[] latencies = new long[oneAtATime];
            for (int i = 0; i < oneAtATime; i++) {
                int sequence = warmup + 1 + i;
                latencies[i] = arrivals.arrivedAt(sequence) - sentAt[sequence];
            }
            Arrays.sort(latencies);
            record(scenario, "notifications/s", client, ResultTable.Cell.of(oneAtATime * NANOS / elapsed));
            record("notification delivery latency, p50", "µs", client, ResultTable.Cell.of(percentile(latencies, 0.50) / 1e3));
            record("notification delivery latency, p99", "µs", client, ResultTable.Cell.of(percentile(latencies, 0.99) / 1e3));
        } catch (Exception e) {
            record(scenario, "notifications/s", client, ResultTable.Cell.failed(e.toString()));
        }
    }

    /** The nearest-rank percentile of sorted values. */
    private static long percentile(long[] sorted, double fraction) {
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private void record(String scenario, String unit, NotifyClient client, ResultTable.Cell cell) {
        table.put(scenario, unit, client.name(), cell);
        log.println("  " + scenario + " | " + client.name() + ": "
                + (cell.failure() != null ? "FAILED " + cell.failure() : ResultTable.number(cell.value()) + " " + unit));
    }
}
