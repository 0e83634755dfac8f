// The parameter values of one execution of a statement, resolved to types and encoders.
package org.psycopg.r2dbc;

import io.r2dbc.spi.Parameter;
import io.r2dbc.spi.R2dbcType;
import io.r2dbc.spi.Type;
import org.psycopg.r2dbc.codec.CodecRegistry;
import org.psycopg.r2dbc.codec.Format;
import org.psycopg.r2dbc.codec.ParameterEncoder;
import org.psycopg.r2dbc.engine.EncoderParameterValues;
import org.psycopg.r2dbc.protocol.frontend.ParameterValues;

/**
 * Resolves each bound value once, when the statement executes: its type OID (for Parse), its
 * format (for Bind) and its encoder; the bytes are written later, straight into the Bind message.
 */
final class Binding {

    private final Object[] values;
    private final ParameterEncoder[] encoders;
    private final int[] types;
    private final short[] formats;
    private final ParameterValues parameterValues;

    Binding(Object[] bound, CodecRegistry codecs) {
        int count = bound.length;
        values = new Object[count];
        encoders = new ParameterEncoder[count];
        types = new int[count];
        formats = new short[count];
        for (int i = 0; i < count; i++) {
            resolve(i, bound[i], codecs);
        }
        parameterValues = new EncoderParameterValues(values, encoders);
    }

    private void resolve(int i, Object bound, CodecRegistry codecs) {
        Object value = bound;
        int explicitType = -1;
        if (bound != null && BoundValueKind.of(bound) == BoundValueKind.PARAMETER) {
            Parameter parameter = (Parameter) bound;
            value = parameter.getValue();
            explicitType = typeOid(parameter.getType(), codecs);
        }
        if (value == null) {
            types[i] = Math.max(explicitType, 0);
            formats[i] = Format.TEXT.code();
            return;
        }
        ParameterEncoder encoder = codecs.encoder(value.getClass());
        int oid = encoder.oid(value);
        if (explicitType > 0 && explicitType != oid) {
            // An explicit type the value's codec does not write: send the value's text and let the server parse it.
            values[i] = value.toString();
            encoders[i] = codecs.encoder(String.class);
            types[i] = explicitType;
            formats[i] = Format.TEXT.code();
            return;
        }
        values[i] = value;
        encoders[i] = encoder;
        types[i] = oid;
        formats[i] = encoder.format(value).code();
    }

    private static int typeOid(Type type, CodecRegistry codecs) {
        if (type instanceof PostgresType postgres) {
            return postgres.oid();
        }
        if (type instanceof R2dbcType standard) {
            return StandardTypes.oid(standard);
        }
        return codecs.nullOid(type.getJavaType());
    }

    int[] types() {
        return types;
    }

    short[] formats() {
        return formats;
    }

    /** The values for a Bind message, each written by its encoder. */
    ParameterValues values() {
        return parameterValues;
    }
}
