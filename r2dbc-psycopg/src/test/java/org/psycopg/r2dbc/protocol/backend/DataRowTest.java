// Checks DataRow's zero-copy column access, NULLs, bounds, malformed rows and reference counting.
package org.psycopg.r2dbc.protocol.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.psycopg.r2dbc.protocol.WireBytes.buffer;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.psycopg.r2dbc.protocol.ProtocolException;

class DataRowTest {

    private final BackendMessageDecoder decoder = new BackendMessageDecoder();

    @Test
    void rowWithANullAndAValue() {
        // SELECT NULL, 'x'
        ByteBuf in = buffer("44 0000000f 0002 ffffffff 00000001 78");
        DataRow row = (DataRow) decoder.decode(in);
        try {
            assertEquals(2, row.columnCount());
            assertTrue(row.isNull(0));
            assertEquals(-1, row.length(0));
            assertNull(row.column(0));
            assertFalse(row.isNull(1));
            assertEquals(1, row.length(1));
            assertEquals("x", row.column(1).toString(StandardCharsets.US_ASCII));
        } finally {
            row.release();
            in.release();
        }
    }

    @Test
    void columnsAreSlicesOfTheReceiveBufferNotCopies() {
        ByteBuf in = buffer("44 00000014 0002 00000002 3432 00000004 00000007");
        DataRow row = (DataRow) decoder.decode(in);
        try {
            ByteBuf second = row.column(1);
            assertEquals(7, second.getInt(0));
            in.setByte(in.writerIndex() - 1, 8);
            assertEquals(8, second.getInt(0));
            assertEquals("42", row.column(0).toString(StandardCharsets.US_ASCII));
        } finally {
            row.release();
            in.release();
        }
    }

    @Test
    void emptyValueIsNotNull() {
        ByteBuf in = buffer("44 0000000a 0001 00000000");
        DataRow row = (DataRow) decoder.decode(in);
        try {
            assertFalse(row.isNull(0));
            assertEquals(0, row.column(0).readableBytes());
        } finally {
            row.release();
            in.release();
        }
    }

    @Test
    void rowWithoutColumns() {
        ByteBuf in = buffer("44 00000006 0000");
        DataRow row = (DataRow) decoder.decode(in);
        try {
            assertEquals(0, row.columnCount());
            assertThrows(IndexOutOfBoundsException.class, () -> row.column(0));
        } finally {
            row.release();
            in.release();
        }
    }

    @Test
    void rowHoldsOneReferenceToTheInputUntilReleased() {
        ByteBuf in = buffer("44 0000000b 0001 00000001 31");
        DataRow row = (DataRow) decoder.decode(in);
        assertEquals(2, in.refCnt());
        assertEquals(2, row.refCnt());
        assertSame(row, row.retain());
        assertEquals(3, in.refCnt());
        assertFalse(row.release());
        assertFalse(row.release());
        assertEquals(1, in.refCnt());
        assertTrue(in.release());
    }

    @Test
    void columnOutsideTheRowFails() {
        ByteBuf in = buffer("44 0000000b 0001 00000001 31");
        DataRow row = (DataRow) decoder.decode(in);
        try {
            assertThrows(IndexOutOfBoundsException.class, () -> row.column(1));
            assertThrows(IndexOutOfBoundsException.class, () -> row.isNull(-1));
        } finally {
            row.release();
            in.release();
        }
    }

    @Test
    void columnRunningPastTheEndFailsOnFirstAccess() {
        ByteBuf in = buffer("44 0000000b 0001 00000005 31");
        DataRow row = (DataRow) decoder.decode(in);
        try {
            ProtocolException e = assertThrows(ProtocolException.class, () -> row.length(0));
            assertEquals("malformed DataRow ('D') message: column 0 of 5 bytes runs past the end of the row",
                    e.getMessage());
        } finally {
            row.release();
            in.release();
        }
    }

    @Test
    void lengthBelowMinusOneFailsOnFirstAccess() {
        ByteBuf in = buffer("44 0000000a 0001 fffffffe");
        DataRow row = (DataRow) decoder.decode(in);
        try {
            ProtocolException e = assertThrows(ProtocolException.class, () -> row.isNull(0));
            assertEquals("malformed DataRow ('D') message: column 0 has length -2", e.getMessage());
        } finally {
            row.release();
            in.release();
        }
    }

    @Test
    void bytesAfterTheLastColumnFailOnFirstAccess() {
        ByteBuf in = buffer("44 0000000c 0001 00000001 31 32");
        DataRow row = (DataRow) decoder.decode(in);
        try {
            ProtocolException e = assertThrows(ProtocolException.class, () -> row.column(0));
            assertEquals("malformed DataRow ('D') message: 1 bytes follow the last column", e.getMessage());
        } finally {
            row.release();
            in.release();
        }
    }

    @Test
    void rowKeepsItsBytesWhenTheDecoderMovesOn() {
        ByteBuf in = buffer("44 0000000b 0001 00000001 31 44 0000000b 0001 00000001 32");
        DataRow first = (DataRow) decoder.decode(in);
        DataRow second = (DataRow) decoder.decode(in);
        try {
            assertEquals("1", first.column(0).toString(StandardCharsets.US_ASCII));
            assertEquals("2", second.column(0).toString(StandardCharsets.US_ASCII));
        } finally {
            first.release();
            second.release();
            in.release();
        }
        assertEquals(0, in.refCnt());
    }
}
