// Checks the exact bytes each frontend message writes against the protocol's message formats.
package org.psycopg.r2dbc.protocol.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.psycopg.r2dbc.protocol.WireBytes.compact;
import static org.psycopg.r2dbc.protocol.WireBytes.hex;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrontendMessageEncodingTest {

    /** Encodes the messages one after another into one buffer and returns its bytes in hex. */
    private static String encoded(FrontendMessage... messages) {
        ByteBuf out = Unpooled.buffer();
        try {
            for (FrontendMessage message : messages) {
                message.encode(out);
            }
            return hex(out);
        } finally {
            out.release();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void startupMessageWritesVersion3Point0AndParametersInInsertionOrder() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("user", "postgres");
        parameters.put("database", "test");
        parameters.put("application_name", "psql");
        assertEquals(compact("0000003b 00030000"
                        + " 7573657200 706f73746772657300"
                        + " 646174616261736500 7465737400"
                        + " 6170706c69636174696f6e5f6e616d6500 7073716c00"
                        + " 00"),
                encoded(new StartupMessage(parameters)));
    }

    @Test
    void startupMessageKeepsItsOwnCopyOfTheParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("user", "postgres");
        StartupMessage message = new StartupMessage(parameters);
        parameters.put("database", "test");
        assertEquals(Map.of("user", "postgres"), message.parameters());
    }

    @Test
    void sslRequestWritesItsRequestCode() {
        assertEquals(compact("00000008 04d2162f"), encoded(SslRequest.INSTANCE));
    }

    @Test
    void gssEncRequestWritesItsRequestCode() {
        assertEquals(compact("00000008 04d21630"), encoded(GssEncRequest.INSTANCE));
    }

    @Test
    void cancelRequestWritesCodeProcessIdAndSecretKey() {
        assertEquals(compact("00000010 04d2162e 00003039 deadbeef"),
                encoded(new CancelRequest(12345, 0xdeadbeef)));
    }

    @Test
    void passwordMessageWritesTheNulTerminatedPassword() {
        assertEquals(compact("70 0000000b 73656372657400"), encoded(new PasswordMessage("secret")));
    }

    @Test
    void passwordMessageKeepsThePasswordOutOfItsString() {
        assertEquals("PasswordMessage[password=***]", new PasswordMessage("secret").toString());
    }

    @Test
    void saslInitialResponseWritesMechanismAndLengthPrefixedData() {
        assertEquals(compact("70 00000021 534352414d2d5348412d32353600 0000000b 6e2c2c6e3d2c723d616263"),
                encoded(new SaslInitialResponse("SCRAM-SHA-256", bytes("n,,n=,r=abc"))));
    }

    @Test
    void saslInitialResponseWithoutDataWritesLengthMinusOne() {
        assertEquals(compact("70 00000016 534352414d2d5348412d32353600 ffffffff"),
                encoded(new SaslInitialResponse("SCRAM-SHA-256", null)));
    }

    @Test
    void saslResponseWritesTheDataAsTheRestOfTheMessage() {
        assertEquals(compact("70 0000000a 633d62697773"), encoded(new SaslResponse(bytes("c=biws"))));
    }

    @Test
    void queryWritesTheNulTerminatedSql() {
        assertEquals(compact("51 0000000d 53454c454354203100"), encoded(new Query("SELECT 1")));
    }

    @Test
    void queryWritesSqlAsUtf8AndCountsBytesNotCharacters() {
        assertEquals(compact("51 00000010 53454c4543542027c3a92700"), encoded(new Query("SELECT 'é'")));
    }

    @Test
    void parseWritesNamesSqlAndParameterTypes() {
        assertEquals(compact("50 00000015 00 53454c45435420243100 0001 00000017"),
                encoded(new Parse("", "SELECT $1", new int[] {23})));
    }

    @Test
    void bindWritesFormatsValuesWithNullAndResultFormats() {
        Bind bind = new Bind("", "s1", new short[] {1},
                ParameterValues.of(new byte[] {0, 0, 0, 5}, null), new short[] {1});
        assertEquals(compact("42 0000001e 00 733100 0001 0001 0002 00000004 00000005 ffffffff 0001 0001"),
                encoded(bind));
    }

    @Test
    void bindWithNoParametersWritesEmptyCounts() {
        assertEquals(compact("42 0000000c 00 00 0000 0000 0000"),
                encoded(new Bind("", "", new short[0], ParameterValues.of(), new short[0])));
    }

    @Test
    void describeStatementAndPortalWriteTheirKindByte() {
        assertEquals(compact("44 00000008 53 733100"), encoded(Describe.statement("s1")));
        assertEquals(compact("44 00000006 50 00"), encoded(Describe.portal("")));
    }

    @Test
    void executeWritesPortalAndRowLimit() {
        assertEquals(compact("45 00000009 00 00000000"), encoded(new Execute("", 0)));
        assertEquals(compact("45 00000009 00 000003e8"), encoded(new Execute("", 1000)));
    }

    @Test
    void closeStatementAndPortalWriteTheirKindByte() {
        assertEquals(compact("43 00000008 53 733100"), encoded(Close.statement("s1")));
        assertEquals(compact("43 00000006 50 00"), encoded(Close.portal("")));
    }

    @Test
    void messagesWithoutContentWriteTypeAndLengthFour() {
        assertEquals(compact("53 00000004"), encoded(Sync.INSTANCE));
        assertEquals(compact("48 00000004"), encoded(Flush.INSTANCE));
        assertEquals(compact("58 00000004"), encoded(Terminate.INSTANCE));
        assertEquals(compact("63 00000004"), encoded(CopyDone.INSTANCE));
    }

    @Test
    void copyDataWritesTheReadableBytesAndLeavesTheCallersBufferAlone() {
        ByteBuf data = Unpooled.copiedBuffer("x1\tone\n", StandardCharsets.UTF_8);
        try {
            data.skipBytes(1);
            assertEquals(compact("64 0000000a 31096f6e650a"), encoded(new CopyData(data)));
            assertEquals(1, data.readerIndex());
            assertEquals(1, data.refCnt());
        } finally {
            data.release();
        }
    }

    @Test
    void copyDataHeaderIsTheSameAsAFullCopyDataWithoutItsBytes() {
        ByteBuf out = Unpooled.buffer();
        try {
            CopyData.writeHeader(out, 6);
            assertEquals(compact("64 0000000a"), hex(out));
        } finally {
            out.release();
        }
    }

    @Test
    void copyFailWritesTheNulTerminatedMessage() {
        assertEquals(compact("66 00000008 62616400"), encoded(new CopyFail("bad")));
    }

    @Test
    void functionCallWritesOidFormatsArgumentsAndResultFormat() {
        // lo_open(16385, INV_READ): function OID 952
        FunctionCall call = new FunctionCall(952, new short[] {1},
                ParameterValues.of(new byte[] {0, 0, 0x40, 0x01}, new byte[] {0, 4, 0, 0}), (short) 1);
        assertEquals(compact("46 00000020 000003b8 0001 0001 0002 00000004 00004001 00000004 00040000 0001"),
                encoded(call));
    }

    @Test
    void messagesEncodedIntoOneBufferFollowEachOther() {
        assertEquals(compact("50 00000015 00 53454c45435420243100 0001 00000017"
                        + " 42 00000011 00 00 0000 0001 00000001 31 0000"
                        + " 45 00000009 00 00000000"
                        + " 53 00000004"),
                encoded(new Parse("", "SELECT $1", new int[] {23}),
                        new Bind("", "", new short[0], ParameterValues.of(bytes("1")), new short[0]),
                        new Execute("", 0),
                        Sync.INSTANCE));
    }

    @Test
    void stringsWithANulCharacterAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Query("SELECT 1\0"));
        assertThrows(IllegalArgumentException.class, () -> new Parse("s\0", "SELECT 1", new int[0]));
        assertThrows(IllegalArgumentException.class, () -> new PasswordMessage("pa\0ss"));
        assertThrows(IllegalArgumentException.class, () -> Describe.portal("p\0"));
        assertThrows(IllegalArgumentException.class, () -> new CopyFail("\0"));
        assertThrows(IllegalArgumentException.class, () -> new StartupMessage(Map.of("user", "a\0b")));
    }

    @Test
    void startupParameterWithAnEmptyNameIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new StartupMessage(Map.of("", "x")));
    }

    @Test
    void describeAndCloseRejectAKindOtherThanStatementOrPortal() {
        assertThrows(IllegalArgumentException.class, () -> new Describe('X', ""));
        assertThrows(IllegalArgumentException.class, () -> new Close('s', ""));
    }

    @Test
    void countsTheProtocolCannotCarryAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Parse("", "SELECT 1", new int[65536]));
        assertThrows(IllegalArgumentException.class,
                () -> new Bind("", "", new short[65536], ParameterValues.of(), new short[0]));
        assertThrows(IllegalArgumentException.class,
                () -> new Bind("", "", new short[0], ParameterValues.of(new byte[65536][]), new short[0]));
    }

    @Test
    void bindWhoseValueFailsLeavesTheBufferAsItWas() {
        ParameterValues failing = new ParameterValues() {
            @Override
            public int count() {
                return 1;
            }

            @Override
            public void write(int index, ByteBuf out) {
                out.writeInt(4);
                throw new IllegalStateException("codec failed");
            }
        };
        ByteBuf out = Unpooled.buffer();
        try {
            Sync.INSTANCE.encode(out);
            Bind bind = new Bind("", "", new short[0], failing, new short[0]);
            assertThrows(IllegalStateException.class, () -> bind.encode(out));
            assertEquals(compact("53 00000004"), hex(out));
        } finally {
            out.release();
        }
    }

    @Test
    void valueWritingOtherThanItsDeclaredLengthFailsTheBind() {
        ParameterValues lying = new ParameterValues() {
            @Override
            public int count() {
                return 1;
            }

            @Override
            public void write(int index, ByteBuf out) {
                out.writeInt(4).writeShort(7);
            }
        };
        ByteBuf out = Unpooled.buffer();
        try {
            Bind bind = new Bind("", "", new short[0], lying, new short[0]);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> bind.encode(out));
            assertEquals("parameter value 0 declared length 4 but wrote 2 bytes", e.getMessage());
            assertEquals(0, out.writerIndex());
        } finally {
            out.release();
        }
    }
}
