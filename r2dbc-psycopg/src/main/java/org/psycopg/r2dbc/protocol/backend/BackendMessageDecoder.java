// Frames backend messages in a receive buffer and parses each into its message type.
package org.psycopg.r2dbc.protocol.backend;

import io.netty.buffer.ByteBuf;
import org.psycopg.r2dbc.protocol.ProtocolException;

/**
 * Takes whole backend messages off a receive buffer. Each call decodes at most one message: when
 * {@code in} holds a complete one it is parsed, the reader index moves past it and the message is
 * returned; otherwise {@code in} is left untouched and null is returned, to be called again once
 * more bytes have arrived.
 *
 * <p>Every message body is parsed strictly within its length: a body that ends before its last
 * field or has bytes after it, an unknown type byte, or a length below 4 or over the maximum is a
 * {@link ProtocolException}, after which the stream cannot be trusted. An unknown type byte or a
 * bad length is reported as soon as the first five bytes are there, without waiting for the body.
 *
 * <p>{@link DataRow} and {@link CopyData} keep a retained slice of {@code in}; every other message
 * is parsed into Java values and keeps no reference to it. Messages without content are returned
 * as their singleton, without allocating. The decoder is immutable and may be shared.
 */
public final class BackendMessageDecoder {

    /** The default largest message accepted: 1 GiB, counting the length field but not the type byte. */
    public static final int DEFAULT_MAX_MESSAGE_LENGTH = 1 << 30;

    private final int maxMessageLength;

    /** A decoder accepting messages up to {@link #DEFAULT_MAX_MESSAGE_LENGTH}. */
    public BackendMessageDecoder() {
        this(DEFAULT_MAX_MESSAGE_LENGTH);
    }

    /**
     * A decoder accepting messages whose length field, which counts itself, is at most
     * {@code maxMessageLength}.
     */
    public BackendMessageDecoder(int maxMessageLength) {
        if (maxMessageLength < 4) {
            throw new IllegalArgumentException("maxMessageLength must be at least 4, the size of the length field: "
                    + maxMessageLength);
        }
        this.maxMessageLength = maxMessageLength;
    }

    /** The largest length field accepted. */
    public int maxMessageLength() {
        return maxMessageLength;
    }

    /**
     * Decodes one whole message from {@code in} if it holds one, advancing its reader index past
     * it, or returns null and leaves {@code in} untouched.
     *
     * @throws ProtocolException when the bytes break the protocol; {@code in} is then left untouched
     */
    public BackendMessage decode(ByteBuf in) throws ProtocolException {
        int start = in.readerIndex();
        int available = in.writerIndex() - start;
        if (available < 1) {
            return null;
        }
        byte code = in.getByte(start);
        MessageType type = MessageType.of(code);
        if (type == null) {
            throw new ProtocolException("unknown backend message type " + MessageType.describe(code));
        }
        if (available < 5) {
            return null;
        }
        int length = in.getInt(start + 1);
        if (length < 4) {
            throw new ProtocolException(type + " message declares length " + length
                    + ", but the length counts its own 4 bytes");
        }
        if (length > maxMessageLength) {
            throw new ProtocolException(type + " message declares length " + length
                    + ", over the limit of " + maxMessageLength + " bytes");
        }
        if (available - 1 < length) {
            return null;
        }
        BackendMessage message = parse(type, in, start + 5, length - 4);
        in.readerIndex(start + 1 + length);
        return message;
    }

    private static BackendMessage parse(MessageType type, ByteBuf in, int bodyStart, int bodyLength) {
        try {
            switch (type) {
                case DATA_ROW:
                    return DataRow.decode(in, bodyStart, bodyLength);
                case COPY_DATA:
                    return new CopyData(in.retainedSlice(bodyStart, bodyLength));
                case READY_FOR_QUERY:
                    return readyForQuery(in, bodyStart, bodyLength);
                case BIND_COMPLETE:
                    return empty(bodyLength, BindComplete.INSTANCE);
                case CLOSE_COMPLETE:
                    return empty(bodyLength, CloseComplete.INSTANCE);
                case COPY_DONE:
                    return empty(bodyLength, CopyDone.INSTANCE);
                case EMPTY_QUERY_RESPONSE:
                    return empty(bodyLength, EmptyQueryResponse.INSTANCE);
                case NO_DATA:
                    return empty(bodyLength, NoData.INSTANCE);
                case PARSE_COMPLETE:
                    return empty(bodyLength, ParseComplete.INSTANCE);
                case PORTAL_SUSPENDED:
                    return empty(bodyLength, PortalSuspended.INSTANCE);
                default:
                    return parseBody(type, in.slice(bodyStart, bodyLength));
            }
        } catch (IndexOutOfBoundsException e) {
            throw new ProtocolException("malformed " + type + " message: its body of " + bodyLength
                    + " bytes ends before its last field", e);
        } catch (ProtocolException e) {
            throw new ProtocolException("malformed " + type + " message: " + e.getMessage(), e);
        }
    }

    /** Parses a body that becomes Java values, requiring that nothing follows the last field. */
    private static BackendMessage parseBody(MessageType type, ByteBuf body) {
        BackendMessage message = switch (type) {
            case AUTHENTICATION -> authentication(body);
            case BACKEND_KEY_DATA -> BackendKeyData.decode(body);
            case COMMAND_COMPLETE -> CommandComplete.decode(body);
            case COPY_IN_RESPONSE -> CopyInResponse.decode(body);
            case COPY_OUT_RESPONSE -> CopyOutResponse.decode(body);
            case COPY_BOTH_RESPONSE -> CopyBothResponse.decode(body);
            case ERROR_RESPONSE -> ErrorResponse.decode(body);
            case FUNCTION_CALL_RESPONSE -> FunctionCallResponse.decode(body);
            case NEGOTIATE_PROTOCOL_VERSION -> NegotiateProtocolVersion.decode(body);
            case NOTICE_RESPONSE -> NoticeResponse.decode(body);
            case NOTIFICATION_RESPONSE -> NotificationResponse.decode(body);
            case PARAMETER_DESCRIPTION -> ParameterDescription.decode(body);
            case PARAMETER_STATUS -> ParameterStatus.decode(body);
            case ROW_DESCRIPTION -> RowDescription.decode(body);
            default -> throw new IllegalStateException(type + " has no body parser");
        };
        if (body.isReadable()) {
            throw new ProtocolException(body.readableBytes() + " bytes follow its last field");
        }
        return message;
    }

    /** Parses an 'R' message, whose Int32 code says which authentication request it is. */
    private static BackendMessage authentication(ByteBuf body) {
        int method = body.readInt();
        return switch (method) {
            case 0 -> AuthenticationOk.INSTANCE;
            case 3 -> AuthenticationCleartextPassword.INSTANCE;
            case 5 -> AuthenticationMd5Password.decode(body);
            case 10 -> AuthenticationSasl.decode(body);
            case 11 -> new AuthenticationSaslContinue(MessageReader.readRest(body));
            case 12 -> new AuthenticationSaslFinal(MessageReader.readRest(body));
            default -> {
                body.skipBytes(body.readableBytes());
                yield new AuthenticationUnsupported(method);
            }
        };
    }

    private static BackendMessage readyForQuery(ByteBuf in, int bodyStart, int bodyLength) {
        if (bodyLength != 1) {
            throw new ProtocolException("its body has " + bodyLength + " bytes instead of 1");
        }
        byte status = in.getByte(bodyStart);
        ReadyForQuery message = ReadyForQuery.of(status);
        if (message == null) {
            throw new ProtocolException("unknown transaction status " + MessageType.describe(status));
        }
        return message;
    }

    private static BackendMessage empty(int bodyLength, BackendMessage instance) {
        if (bodyLength != 0) {
            throw new ProtocolException(bodyLength + " bytes follow the length, where none belong");
        }
        return instance;
    }
}
