// The framer's runs of CopyData read in place: split across reads, interleaved with other messages, in order.
package org.psycopg.r2dbc.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.psycopg.r2dbc.protocol.backend.BackendMessage;
import org.psycopg.r2dbc.protocol.backend.ReadyForQuery;

class BackendFramerTest {

    /** Reads CopyData in place and records what it is given, in order. */
    private static final class Recorder extends Exchange {
        final List<String> events = new ArrayList<>();
        boolean inPlace = true;

        @Override
        protected void encode(ByteBuf out) {
        }

        @Override
        protected boolean readsCopyDataInPlace() {
            return inPlace;
        }

        @Override
        protected void onCopyData(ByteBuf buffer, int index, int length) {
            events.add(buffer.toString(index, length, StandardCharsets.UTF_8));
        }

        @Override
        protected void onCopyDataEnd() {
            events.add("|");
        }

        @Override
        protected boolean onMessage(BackendMessage message) {
            events.add(message.getClass().getSimpleName());
            ReferenceCountUtil.release(message);
            return message instanceof ReadyForQuery;
        }

        @Override
        protected void onFailure(Throwable cause) {
            events.add("failed: " + cause.getMessage());
        }
    }

    private static void message(ByteBuf out, char type, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        out.writeByte(type).writeInt(bytes.length + 4).writeBytes(bytes);
    }

    private static ByteBuf stream() {
        ByteBuf out = Unpooled.buffer();
        message(out, 'd', "row 1\n");
        message(out, 'd', "row 2\n");
        message(out, 'S', "application_name\0bench\0");
        message(out, 'd', "row 3\n");
        message(out, 'c', "");
        message(out, 'C', "COPY 3\0");
        message(out, 'Z', "I");
        return out;
    }

    private static Recorder run(Recorder exchange, int readSize) {
        EmbeddedChannel channel = new EmbeddedChannel();
        Session session = new Session(channel, null);
        channel.pipeline().addLast(new BackendFramer(1 << 20, session), new SessionHandler(session));
        session.submit(exchange);
        channel.runPendingTasks();
        ReferenceCountUtil.release(channel.readOutbound());
        ByteBuf all = stream();
        while (all.isReadable()) {
            channel.writeInbound(all.readRetainedSlice(Math.min(readSize, all.readableBytes())));
        }
        all.release();
        assertFalse(channel.finish());
        return exchange;
    }

    @Test
    void copyDataOfOneReadArriveAsOneRunInOrderWithTheOtherMessages() {
        Recorder exchange = run(new Recorder(), 1 << 16);
        assertEquals(List.of("row 1\n", "row 2\n", "|", "row 3\n", "|", "CopyDone", "CommandComplete", "ReadyForQuery"),
                exchange.events);
    }

    @Test
    void copyDataSplitAcrossReadsArriveWholeOnceComplete() {
        Recorder exchange = run(new Recorder(), 3);
        assertEquals(List.of("row 1\n", "|", "row 2\n", "|", "row 3\n", "|", "CopyDone", "CommandComplete", "ReadyForQuery"),
                exchange.events);
    }

    @Test
    void copyDataAreDecodedAsMessagesForAnExchangeThatDoesNotReadThemInPlace() {
        Recorder recorder = new Recorder();
        recorder.inPlace = false;
        Recorder exchange = run(recorder, 1 << 16);
        assertEquals(List.of("CopyData", "CopyData", "CopyData", "CopyDone", "CommandComplete", "ReadyForQuery"),
                exchange.events);
    }
}
