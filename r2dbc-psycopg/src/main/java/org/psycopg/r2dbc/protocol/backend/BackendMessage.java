// A message from the PostgreSQL server to the client.
package org.psycopg.r2dbc.protocol.backend;

/**
 * A message the server sends, as decoded by {@link BackendMessageDecoder}. All implementations
 * but {@link DataRow} and {@link CopyData} are immutable and hold no buffer; those two hold a
 * retained slice of the receive buffer that their holder must release.
 */
public sealed interface BackendMessage
        permits AuthenticationOk, AuthenticationCleartextPassword, AuthenticationMd5Password,
                AuthenticationSasl, AuthenticationSaslContinue, AuthenticationSaslFinal,
                AuthenticationUnsupported, BackendKeyData, BindComplete, CloseComplete,
                CommandComplete, CopyInResponse, CopyOutResponse, CopyBothResponse, CopyData,
                CopyDone, DataRow, EmptyQueryResponse, ErrorResponse, NoticeResponse,
                FunctionCallResponse, NegotiateProtocolVersion, NoData, NotificationResponse,
                ParameterDescription, ParameterStatus, ParseComplete, PortalSuspended,
                ReadyForQuery, RowDescription {
}
