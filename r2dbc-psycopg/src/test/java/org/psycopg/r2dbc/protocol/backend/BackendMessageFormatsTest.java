// Decodes each backend message from the bytes PostgreSQL sends and checks every field.
package org.psycopg.r2dbc.protocol.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.psycopg.r2dbc.protocol.WireBytes.buffer;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackendMessageFormatsTest {

    private final BackendMessageDecoder decoder = new BackendMessageDecoder();

    /** Decodes the one message that {@code hex} holds, checking that it consumed all of it. */
    private BackendMessage decodeOne(String hex) {
        ByteBuf in = buffer(hex);
        try {
            BackendMessage message = decoder.decode(in);
            assertFalse(in.isReadable(), "the whole message is consumed");
            return message;
        } finally {
            in.release();
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void authenticationOkIsTheSingleton() {
        assertSame(AuthenticationOk.INSTANCE, decodeOne("52 00000008 00000000"));
    }

    @Test
    void authenticationCleartextPasswordIsTheSingleton() {
        assertSame(AuthenticationCleartextPassword.INSTANCE, decodeOne("52 00000008 00000003"));
    }

    @Test
    void authenticationMd5PasswordCarriesItsFourByteSalt() {
        AuthenticationMd5Password md5 = (AuthenticationMd5Password) decodeOne("52 0000000c 00000005 a1b2c3d4");
        assertArrayEquals(new byte[] {(byte) 0xa1, (byte) 0xb2, (byte) 0xc3, (byte) 0xd4}, md5.salt());
    }

    @Test
    void authenticationSaslListsMechanismsInTheServersOrder() {
        AuthenticationSasl sasl = (AuthenticationSasl) decodeOne("52 0000002a 0000000a"
                + " 534352414d2d5348412d3235362d504c555300 534352414d2d5348412d32353600 00");
        assertEquals(List.of("SCRAM-SHA-256-PLUS", "SCRAM-SHA-256"), sasl.mechanisms());
    }

    @Test
    void authenticationSaslContinueCarriesTheServerFirstMessage() {
        AuthenticationSaslContinue sasl = (AuthenticationSaslContinue) decodeOne("52 0000001f 0000000b"
                + " 723d6162632c733d6332467364413d3d2c693d34303936");
        assertArrayEquals(ascii("r=abc,s=c2FsdA==,i=4096"), sasl.data());
    }

    @Test
    void authenticationSaslFinalCarriesTheServerFinalMessage() {
        AuthenticationSaslFinal sasl = (AuthenticationSaslFinal) decodeOne("52 00000016 0000000c"
                + " 763d63326c6e626d463064584a6c");
        assertArrayEquals(ascii("v=c2lnbmF0dXJl"), sasl.data());
    }

    @Test
    void gssapiAndSspiRequestsAreUnsupportedMethods() {
        assertEquals(new AuthenticationUnsupported(7), decodeOne("52 00000008 00000007"));
        assertEquals(new AuthenticationUnsupported(9), decodeOne("52 00000008 00000009"));
        AuthenticationUnsupported gssContinue = (AuthenticationUnsupported) decodeOne("52 0000000b 00000008 010203");
        assertEquals(8, gssContinue.method());
        assertEquals("GSSAPI continuation", gssContinue.methodName());
    }

    @Test
    void backendKeyDataCarriesProcessIdAndSecretKey() {
        assertEquals(new BackendKeyData(12345, 0xdeadbeef), decodeOne("4b 0000000c 00003039 deadbeef"));
    }

    @Test
    void messagesWithoutContentAreTheirSingletons() {
        assertSame(ParseComplete.INSTANCE, decodeOne("31 00000004"));
        assertSame(BindComplete.INSTANCE, decodeOne("32 00000004"));
        assertSame(CloseComplete.INSTANCE, decodeOne("33 00000004"));
        assertSame(NoData.INSTANCE, decodeOne("6e 00000004"));
        assertSame(PortalSuspended.INSTANCE, decodeOne("73 00000004"));
        assertSame(EmptyQueryResponse.INSTANCE, decodeOne("49 00000004"));
        assertSame(CopyDone.INSTANCE, decodeOne("63 00000004"));
    }

    @Test
    void commandCompleteOfInsertCountsItsRows() {
        CommandComplete complete = (CommandComplete) decodeOne("43 0000000f 494e5345525420302035 00");
        assertEquals("INSERT 0 5", complete.tag());
        assertEquals("INSERT", complete.command());
        assertEquals(5, complete.rows());
    }

    @Test
    void commandCompleteOfSelectCountsItsRows() {
        CommandComplete complete = (CommandComplete) decodeOne("43 0000000d 53454c454354203100");
        assertEquals("SELECT", complete.command());
        assertEquals(1, complete.rows());
    }

    @Test
    void copyResponsesCarryOverallAndColumnFormats() {
        CopyOutResponse out = (CopyOutResponse) decodeOne("48 00000009 00 0001 0000");
        assertEquals(0, out.overallFormat());
        assertArrayEquals(new short[] {0}, out.columnFormats());
        CopyInResponse in = (CopyInResponse) decodeOne("47 0000000b 01 0002 0001 0001");
        assertEquals(1, in.overallFormat());
        assertArrayEquals(new short[] {1, 1}, in.columnFormats());
        CopyBothResponse both = (CopyBothResponse) decodeOne("57 00000007 00 0000");
        assertEquals(0, both.overallFormat());
        assertArrayEquals(new short[0], both.columnFormats());
    }

    @Test
    void errorResponseKeepsEveryFieldInOrder() {
        ErrorResponse error = (ErrorResponse) decodeOne("45 0000006a"
                + " 53 4552524f5200"
                + " 56 4552524f5200"
                + " 43 343250303100"
                + " 4d 72656c6174696f6e20226d697373696e672220646f6573206e6f7420657869737400"
                + " 50 313500"
                + " 46 70617273655f72656c6174696f6e2e6300"
                + " 4c 3134343900"
                + " 52 7061727365724f70656e5461626c6500"
                + " 00");
        assertEquals(List.of('S', 'V', 'C', 'M', 'P', 'F', 'L', 'R'), List.copyOf(error.fields().keySet()));
        assertEquals("42P01", error.code());
        assertEquals("relation \"missing\" does not exist", error.message());
        assertEquals("ERROR", error.severity());
        assertEquals("15", error.field('P'));
        assertEquals("parse_relation.c", error.field('F'));
        assertEquals("1449", error.field('L'));
        assertEquals("parserOpenTable", error.field('R'));
        assertNull(error.field('D'));
    }

    @Test
    void noticeResponseCarriesItsFields() {
        NoticeResponse notice = (NoticeResponse) decodeOne("4e 00000020"
                + " 53 4e4f5449434500 56 4e4f5449434500 43 303030303000 4d 686900 00");
        assertEquals(Map.of('S', "NOTICE", 'V', "NOTICE", 'C', "00000", 'M', "hi"), notice.fields());
        assertEquals("00000", notice.code());
        assertEquals("hi", notice.message());
        assertEquals("NOTICE", notice.severity());
    }

    @Test
    void functionCallResponseCarriesItsResultOrNull() {
        FunctionCallResponse value = (FunctionCallResponse) decodeOne("56 0000000c 00000004 00000001");
        assertArrayEquals(new byte[] {0, 0, 0, 1}, value.result());
        FunctionCallResponse nul = (FunctionCallResponse) decodeOne("56 00000008 ffffffff");
        assertNull(nul.result());
    }

    @Test
    void negotiateProtocolVersionListsUnrecognizedOptions() {
        assertEquals(new NegotiateProtocolVersion(0, List.of("_pq_.foo")),
                decodeOne("76 00000015 00000000 00000001 5f70715f2e666f6f00"));
    }

    @Test
    void notificationResponseCarriesProcessChannelAndPayload() {
        assertEquals(new NotificationResponse(12345, "jobs", "hello"),
                decodeOne("41 00000013 00003039 6a6f627300 68656c6c6f00"));
    }

    @Test
    void notificationResponseWithoutPayloadHasAnEmptyOne() {
        assertEquals(new NotificationResponse(1, "jobs", ""), decodeOne("41 0000000e 00000001 6a6f627300 00"));
    }

    @Test
    void parameterDescriptionListsTypeOids() {
        ParameterDescription description = (ParameterDescription) decodeOne("74 0000000e 0002 00000017 00000019");
        assertArrayEquals(new int[] {23, 25}, description.types());
    }

    @Test
    void parameterStatusCarriesNameAndValue() {
        assertEquals(new ParameterStatus("server_version", "17.6"),
                decodeOne("53 00000018 7365727665725f76657273696f6e00 31372e3600"));
    }

    @Test
    void readyForQueryIsASharedInstancePerTransactionStatus() {
        assertSame(ReadyForQuery.IDLE, decodeOne("5a 00000005 49"));
        assertSame(ReadyForQuery.IN_TRANSACTION, decodeOne("5a 00000005 54"));
        assertSame(ReadyForQuery.FAILED_TRANSACTION, decodeOne("5a 00000005 45"));
        assertEquals('I', ReadyForQuery.IDLE.transactionStatus());
    }

    @Test
    void rowDescriptionOfSelectOneAsA() {
        RowDescription description = (RowDescription) decodeOne("54 0000001a 0001"
                + " 6100 00000000 0000 00000017 0004 ffffffff 0000");
        assertEquals(List.of(new RowDescription.Field("a", 0, (short) 0, 23, (short) 4, -1, (short) 0)),
                description.fields());
    }

    @Test
    void rowDescriptionOfATableColumnInBinary() {
        // SELECT name FROM t, where t (OID 16385) has name varchar(10) as its 2nd column
        RowDescription description = (RowDescription) decodeOne("54 0000001d 0001"
                + " 6e616d6500 00004001 0002 00000413 ffff 0000000e 0001");
        assertEquals(new RowDescription.Field("name", 16385, (short) 2, 1043, (short) -1, 14, (short) 1),
                description.fields().get(0));
    }

    @Test
    void copyDataIsARetainedSliceOfTheInput() {
        ByteBuf in = buffer("64 0000000a 31096f6e650a");
        CopyData copy = (CopyData) decoder.decode(in);
        assertEquals(2, in.refCnt());
        assertEquals("1\tone\n", copy.data().toString(StandardCharsets.UTF_8));
        assertInstanceOf(io.netty.util.ReferenceCounted.class, copy);
        copy.release();
        assertEquals(1, in.refCnt());
        in.release();
    }
}
