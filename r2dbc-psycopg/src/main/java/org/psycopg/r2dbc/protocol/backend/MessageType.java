// The type bytes of backend messages, with the names the protocol documentation gives them.
package org.psycopg.r2dbc.protocol.backend;

/** Every backend message type byte of protocol 3.0, looked up in constant time. */
enum MessageType {
    AUTHENTICATION('R', "Authentication"),
    BACKEND_KEY_DATA('K', "BackendKeyData"),
    BIND_COMPLETE('2', "BindComplete"),
    CLOSE_COMPLETE('3', "CloseComplete"),
    COMMAND_COMPLETE('C', "CommandComplete"),
    COPY_IN_RESPONSE('G', "CopyInResponse"),
    COPY_OUT_RESPONSE('H', "CopyOutResponse"),
    COPY_BOTH_RESPONSE('W', "CopyBothResponse"),
    COPY_DATA('d', "CopyData"),
    COPY_DONE('c', "CopyDone"),
    DATA_ROW('D', "DataRow"),
    EMPTY_QUERY_RESPONSE('I', "EmptyQueryResponse"),
    ERROR_RESPONSE('E', "ErrorResponse"),
    FUNCTION_CALL_RESPONSE('V', "FunctionCallResponse"),
    NEGOTIATE_PROTOCOL_VERSION('v', "NegotiateProtocolVersion"),
    NO_DATA('n', "NoData"),
    NOTICE_RESPONSE('N', "NoticeResponse"),
    NOTIFICATION_RESPONSE('A', "NotificationResponse"),
    PARAMETER_DESCRIPTION('t', "ParameterDescription"),
    PARAMETER_STATUS('S', "ParameterStatus"),
    PARSE_COMPLETE('1', "ParseComplete"),
    PORTAL_SUSPENDED('s', "PortalSuspended"),
    READY_FOR_QUERY('Z', "ReadyForQuery"),
    ROW_DESCRIPTION('T', "RowDescription");

    private static final MessageType[] BY_CODE = new MessageType[256];

    static {
        for (MessageType type : values()) {
            BY_CODE[type.code] = type;
        }
    }

    final char code;
    final String label;

    MessageType(char code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The type whose type byte is {@code code}, or null when protocol 3.0 has none. */
    static MessageType of(byte code) {
        return BY_CODE[code & 0xFF];
    }

    /** A type byte as an error message shows it: the character when printable, and always its hex value. */
    static String describe(byte code) {
        int value = code & 0xFF;
        String hex = String.format("0x%02X", value);
        return value >= 0x20 && value < 0x7F ? "'" + (char) value + "' (" + hex + ")" : hex;
    }

    @Override
    public String toString() {
        return label + " ('" + code + "')";
    }
}
