// Checks how the decoder frames messages: partial input, several messages, and bytes that break the protocol.
package org.psycopg.r2dbc.protocol.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.psycopg.r2dbc.protocol.WireBytes.buffer;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.psycopg.r2dbc.protocol.ProtocolException;

class BackendMessageDecoderTest {

    /** The answer to {@code SELECT 1 AS a} in the simple-query protocol. */
    private static final String SELECT_1_AS_A = "54 0000001a 0001 6100 00000000 0000 00000017 0004 ffffffff 0000"
            + " 44 0000000b 0001 00000001 31"
            + " 43 0000000d 53454c454354203100"
            + " 5a 00000005 49";

    private final BackendMessageDecoder decoder = new BackendMessageDecoder();

    /** Asserts that decoding {@code hex} fails, leaving the input where it was, and returns the error message. */
    private static String failure(BackendMessageDecoder decoder, String hex) {
        ByteBuf in = buffer(hex);
        try {
            ProtocolException e = assertThrows(ProtocolException.class, () -> decoder.decode(in));
            assertEquals(0, in.readerIndex());
            assertEquals(1, in.refCnt());
            return e.getMessage();
        } finally {
            in.release();
        }
    }

    private String failure(String hex) {
        return failure(decoder, hex);
    }

    @Test
    void messagesBackToBackDecodeInOrder() {
        ByteBuf in = buffer(SELECT_1_AS_A);
        try {
            assertInstanceOf(RowDescription.class, decoder.decode(in));
            DataRow row = (DataRow) decoder.decode(in);
            assertEquals("1", row.column(0).toString(java.nio.charset.StandardCharsets.US_ASCII));
            row.release();
            assertEquals("SELECT 1", ((CommandComplete) decoder.decode(in)).tag());
            assertSame(ReadyForQuery.IDLE, decoder.decode(in));
            assertNull(decoder.decode(in));
            assertEquals(in.writerIndex(), in.readerIndex());
        } finally {
            in.release();
        }
    }

    @Test
    void everyPartialMessageReturnsNullAndConsumesNothing() {
        ByteBuf whole = buffer(SELECT_1_AS_A);
        int firstLength = 1 + 0x1a;
        try {
            for (int available = 0; available < firstLength; available++) {
                ByteBuf part = whole.slice(0, available);
                assertNull(decoder.decode(part), "with " + available + " bytes");
                assertEquals(0, part.readerIndex());
            }
            ByteBuf exact = whole.slice(0, firstLength);
            assertInstanceOf(RowDescription.class, decoder.decode(exact));
            assertEquals(firstLength, exact.readerIndex());
        } finally {
            whole.release();
        }
    }

    @Test
    void partialDataRowRetainsNothing() {
        ByteBuf in = buffer("44 0000000b 0001 00000001");
        try {
            assertNull(decoder.decode(in));
            assertEquals(1, in.refCnt());
        } finally {
            in.release();
        }
    }

    @Test
    void decodingStartsAtTheReaderIndex() {
        ByteBuf in = Unpooled.buffer();
        try {
            in.writeBytes(new byte[] {9, 9, 9});
            in.writeBytes(new byte[] {'1', 0, 0, 0, 4});
            in.skipBytes(3);
            assertSame(ParseComplete.INSTANCE, decoder.decode(in));
            assertEquals(8, in.readerIndex());
        } finally {
            in.release();
        }
    }

    @Test
    void unknownTypeFailsAtOnceNamingTheByte() {
        assertEquals("unknown backend message type 'x' (0x78)", failure("78"));
        assertEquals("unknown backend message type 0x00", failure("00 00000004"));
    }

    @Test
    void lengthBelowFourFails() {
        assertTrue(failure("44 00000003").contains("declares length 3"));
    }

    @Test
    void negativeLengthFails() {
        assertEquals("DataRow ('D') message declares length -1, but the length counts its own 4 bytes",
                failure("44 ffffffff 0000"));
    }

    @Test
    void lengthOverTheMaximumFailsBeforeTheBodyArrives() {
        BackendMessageDecoder small = new BackendMessageDecoder(100);
        assertEquals("DataRow ('D') message declares length 101, over the limit of 100 bytes",
                failure(small, "44 00000065"));
    }

    @Test
    void lengthAtTheMaximumIsAccepted() {
        BackendMessageDecoder small = new BackendMessageDecoder(8);
        ByteBuf in = buffer("4b 00000008");
        try {
            assertNull(small.decode(in));
        } finally {
            in.release();
        }
    }

    @Test
    void maximumBelowTheLengthFieldIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new BackendMessageDecoder(3));
    }

    @Test
    void defaultMaximumIsOneGibibyte() {
        assertEquals(1 << 30, new BackendMessageDecoder().maxMessageLength());
    }

    @Test
    void stringWithoutNulFails() {
        assertEquals("malformed CommandComplete ('C') message:"
                        + " a string runs to the end of the message without its NUL terminator",
                failure("43 00000008 53454c45"));
    }

    @Test
    void stringDoesNotRunIntoTheNextMessage() {
        String message = failure("43 00000008 53454c45 5a 00000005 49");
        assertTrue(message.contains("NUL terminator"), message);
    }

    @Test
    void bodyEndingBeforeItsLastFieldFails() {
        assertEquals("malformed BackendKeyData ('K') message: its body of 4 bytes ends before its last field",
                failure("4b 00000008 00003039"));
    }

    @Test
    void bytesAfterTheLastFieldFail() {
        assertEquals("malformed BackendKeyData ('K') message: 1 bytes follow its last field",
                failure("4b 0000000d 00003039 deadbeef 00"));
        assertEquals("malformed ParameterStatus ('S') message: 1 bytes follow its last field",
                failure("53 00000009 6100 6200 63"));
    }

    @Test
    void messageWithoutContentButWithBytesFails() {
        assertEquals("malformed ParseComplete ('1') message: 1 bytes follow the length, where none belong",
                failure("31 00000005 00"));
    }

    @Test
    void readyForQueryWithUnknownStatusFails() {
        assertEquals("malformed ReadyForQuery ('Z') message: unknown transaction status 'X' (0x58)",
                failure("5a 00000005 58"));
    }

    @Test
    void readyForQueryOfWrongLengthFails() {
        assertEquals("malformed ReadyForQuery ('Z') message: its body has 2 bytes instead of 1",
                failure("5a 00000006 4949"));
    }

    @Test
    void fieldCountRunningPastTheEndFails() {
        assertEquals("malformed RowDescription ('T') message: 2 fields cannot fit in the 19 bytes left",
                failure("54 00000019 0002 6100 00000000 0000 00000017 0004 ffffffff 0000"));
    }

    @Test
    void columnCountRunningPastTheEndFailsWithoutRetainingTheInput() {
        assertEquals("malformed DataRow ('D') message: 3 columns cannot fit in the 8 bytes left",
                failure("44 0000000e 0003 ffffffff ffffffff"));
    }

    @Test
    void formatCountRunningPastTheEndFails() {
        assertEquals("malformed CopyInResponse ('G') message: 2 format codes cannot fit in the 2 bytes left",
                failure("47 00000009 00 0002 0000"));
    }

    @Test
    void saslMechanismListWithoutTerminatorFails() {
        assertEquals("malformed Authentication ('R') message:"
                        + " a string runs to the end of the message without its NUL terminator",
                failure("52 00000016 0000000a 534352414d2d5348412d32353600"));
    }

    @Test
    void md5SaltOfWrongLengthFails() {
        assertTrue(failure("52 0000000b 00000005 a1b2c3").contains("ends before its last field"));
        assertTrue(failure("52 0000000d 00000005 a1b2c3d4e5").contains("1 bytes follow its last field"));
    }

    @Test
    void errorResponseWithoutTerminatorFails() {
        assertTrue(failure("45 0000000b 43 343250303100").contains("ends before its last field"));
    }

    @Test
    void functionCallResponseLengthRunningPastTheEndFails() {
        assertEquals("malformed FunctionCallResponse ('V') message: 8 result bytes cannot fit in the 4 bytes left",
                failure("56 0000000c 00000008 00000001"));
    }

    @Test
    void negotiateProtocolVersionWithAnImpossibleOptionCountFails() {
        assertTrue(failure("76 0000000c 00000000 7fffffff").contains("option names cannot fit"));
    }
}
