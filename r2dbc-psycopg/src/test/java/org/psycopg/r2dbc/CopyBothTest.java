package org.psycopg.r2dbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.psycopg.r2dbc.copy.CopyBoth;
import org.psycopg.r2dbc.protocol.backend.CopyData;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** COPY BOTH against a logical replication walsender: the server's stream, the client's feedback, both ends. */
class CopyBothTest {

    private final PsycopgConnection sql = TestDatabase.connect();
    private final PsycopgConnection replication = new PsycopgConnectionFactory(
            TestDatabase.configuration().startupParameter("replication", "database").build()).create().block(TestDatabase.TIMEOUT);

    @AfterEach
    void close() {
        replication.close().block(TestDatabase.TIMEOUT);
        run("DROP TABLE IF EXISTS copy_both_items");
        sql.close().block(TestDatabase.TIMEOUT);
    }

    private void run(String statement) {
        Flux.from(sql.createStatement(statement).execute()).flatMap(PsycopgResult::getRowsUpdated).blockLast(TestDatabase.TIMEOUT);
    }

    /** Runs a replication command (simple query protocol) and returns the first column of its rows. */
    private List<String> command(String command) {
        return Flux.from(replication.createBatch().add(command).execute())
                .flatMap(r -> r.map(row -> String.valueOf(row.get(0)))).collectList().block(TestDatabase.TIMEOUT);
    }

    /** An XLogData's text (test_decoding output) and end LSN; null text for a primary keepalive. Releases the message. */
    private record WalMessage(String text, long end) {
        static WalMessage of(CopyData message) {
            try {
                var data = message.data();
                int at = data.readerIndex();
                if (data.getByte(at) == 'w') {
                    long end = data.getLong(at + 9);
                    return new WalMessage(data.toString(at + 25, data.readableBytes() - 25, StandardCharsets.UTF_8), end);
                }
                return new WalMessage(null, data.getLong(at + 1));
            } finally {
                message.release();
            }
        }
    }

    private static ByteBuffer standbyStatusUpdate(long lsn) {
        ByteBuffer update = ByteBuffer.allocate(34);
        update.put((byte) 'r').putLong(lsn).putLong(lsn).putLong(lsn).putLong(0).put((byte) 0);
        return update.flip();
    }

    @Test
    void streamsChangesTakesFeedbackAndEndsWhenTheClientSendsCopyDone() {
        run("CREATE TABLE copy_both_items (id int)");
        command("CREATE_REPLICATION_SLOT copy_both_slot TEMPORARY LOGICAL test_decoding");
        CopyBoth stream = new CopyBoth(replication.session(), "START_REPLICATION SLOT copy_both_slot LOGICAL 0/0");
        List<String> changes = new CopyOnWriteArrayList<>();
        AtomicLong lastEnd = new AtomicLong();
        CompletableFuture<Void> sawSecond = new CompletableFuture<>();
        CompletableFuture<Void> ended = stream.messages()
                .map(WalMessage::of)
                .doOnNext(message -> {
                    if (message.text() != null) {
                        lastEnd.set(message.end());
                        changes.add(message.text());
                        if (message.text().contains("id[integer]:2")) {
                            sawSecond.complete(null);
                        }
                    }
                })
                .then().toFuture();
        run("INSERT INTO copy_both_items VALUES (1), (2)");
        Mono.fromFuture(sawSecond).block(TestDatabase.TIMEOUT);
        stream.send(standbyStatusUpdate(lastEnd.get())).block(TestDatabase.TIMEOUT);
        stream.done().block(TestDatabase.TIMEOUT);
        Mono.fromFuture(ended).block(TestDatabase.TIMEOUT);

        assertEquals(List.of("table public.copy_both_items: INSERT: id[integer]:1",
                "table public.copy_both_items: INSERT: id[integer]:2"), changes.subList(1, 3));
        assertTrue(changes.get(0).startsWith("BEGIN") && changes.get(3).startsWith("COMMIT"), changes.toString());
        assertThrows(IllegalStateException.class, () -> stream.send(standbyStatusUpdate(0)).block(TestDatabase.TIMEOUT));
        // The connection is out of COPY BOTH and takes replication commands again.
        assertEquals(1, command("IDENTIFY_SYSTEM").size());
    }

    @Test
    void cancellingTheStreamEndsTheCopyAndTheConnectionGoesOn() {
        run("CREATE TABLE copy_both_items (id int)");
        command("CREATE_REPLICATION_SLOT copy_both_slot TEMPORARY LOGICAL test_decoding");
        run("INSERT INTO copy_both_items VALUES (1)");
        CopyBoth stream = new CopyBoth(replication.session(), "START_REPLICATION SLOT copy_both_slot LOGICAL 0/0");
        WalMessage first = stream.messages().map(WalMessage::of).filter(m -> m.text() != null).blockFirst(TestDatabase.TIMEOUT);
        assertTrue(first.text().startsWith("BEGIN"), first.text());
        assertEquals(1, command("IDENTIFY_SYSTEM").size());
        assertThrows(IllegalStateException.class, () -> stream.messages().blockFirst(TestDatabase.TIMEOUT));
    }
}
