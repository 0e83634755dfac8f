// ByteArrayValueWriter: big-endian numbers, UTF-8 of ranges, patching, truncating and handing over its bytes.
package org.psycopg.r2dbc.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ByteArrayValueWriterTest {

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        return out;
    }

    @Test
    void writesNumbersBigEndianAndGrowsPastItsCapacity() {
        ByteArrayValueWriter out = new ByteArrayValueWriter(8);
        out.writeShort(0x0102);
        out.writeInt(0x03040506);
        out.writeLong(0x0708090A0B0C0D0EL);
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14}, out.toByteArray());
    }

    @Test
    void writesTextAndRangesOfItAsUtf8WithLoneSurrogatesAsQuestionMarks() {
        String text = "aé日😀\uD800z";
        ByteArrayValueWriter out = new ByteArrayValueWriter(8);
        out.writeUtf8(text);
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), out.toByteArray());
        out.reset();
        out.writeUtf8(text, 1, 5);
        assertArrayEquals("é日😀".getBytes(StandardCharsets.UTF_8), out.toByteArray());
        out.reset();
        out.writeUtf8(text, 3, 4);
        assertArrayEquals(new byte[] {'?'}, out.toByteArray());
    }

    @Test
    void setIntPatchesALengthWrittenBeforeItsValue() {
        ByteArrayValueWriter out = new ByteArrayValueWriter();
        out.writeInt(-1);
        out.writeUtf8("abc");
        out.setInt(0, out.size() - 4);
        assertArrayEquals(new byte[] {0, 0, 0, 3, 'a', 'b', 'c'}, out.toByteArray());
        assertThrows(IndexOutOfBoundsException.class, () -> out.setInt(4, 0));
    }

    @Test
    void truncateForgetsWhatFollowsAndEndsWithComparesTheTail() {
        ByteArrayValueWriter out = new ByteArrayValueWriter();
        out.writeUtf8("row\\N");
        assertTrue(out.endsWith(3, new byte[] {'\\', 'N'}));
        assertFalse(out.endsWith(2, new byte[] {'\\', 'N'}));
        out.truncate(3);
        assertArrayEquals("row".getBytes(StandardCharsets.UTF_8), out.toByteArray());
        assertThrows(IndexOutOfBoundsException.class, () -> out.truncate(4));
    }

    @Test
    void takeHandsTheBytesOverAndStartsAfresh() {
        ByteArrayValueWriter out = new ByteArrayValueWriter(8);
        out.writeUtf8("first");
        ByteBuffer first = out.take();
        assertEquals(0, out.size());
        out.writeUtf8("again");
        assertArrayEquals("first".getBytes(StandardCharsets.UTF_8), bytes(first));
        assertArrayEquals("again".getBytes(StandardCharsets.UTF_8), bytes(out.take()));
    }
}
