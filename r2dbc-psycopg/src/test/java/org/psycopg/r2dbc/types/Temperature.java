// Test value type read and bound by TemperatureCodec, a codec found through ServiceLoader.
package org.psycopg.r2dbc.types;

import java.math.BigDecimal;

/** Degrees Celsius, held in a numeric column. */
public record Temperature(BigDecimal celsius) {
}
