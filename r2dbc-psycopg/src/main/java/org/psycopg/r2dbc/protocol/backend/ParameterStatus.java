// ParameterStatus: the current value of a run-time parameter the server reports.
package org.psycopg.r2dbc.protocol.backend;

import io.netty.buffer.ByteBuf;
import org.psycopg.r2dbc.protocol.CString;

/**
 * ParameterStatus ('S'): the value of a reported run-time parameter ({@code server_version},
 * {@code client_encoding}, {@code TimeZone}, {@code DateStyle}, {@code integer_datetimes},
 * {@code standard_conforming_strings}...), sent at startup and whenever it changes.
 *
 * @param name  the parameter name
 * @param value its current value
 */
public record ParameterStatus(String name, String value) implements BackendMessage {

    static ParameterStatus decode(ByteBuf body) {
        return new ParameterStatus(CString.read(body), CString.read(body));
    }
}
