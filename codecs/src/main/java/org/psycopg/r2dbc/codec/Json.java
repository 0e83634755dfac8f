// A JSON document as PostgreSQL's json and jsonb types carry it: text, typed as JSON.
package org.psycopg.r2dbc.codec;

import java.util.Objects;

/**
 * A JSON document's text, marked as JSON: read from json and jsonb when asked for, and bound as
 * jsonb (which the server casts to json on assignment), where a plain {@code String} would bind
 * untyped. Holds the text as given; the server validates it. Immutable.
 *
 * @param text the JSON text
 */
public record Json(String text) {

    public Json {
        Objects.requireNonNull(text, "text");
    }

    public static Json of(String text) {
        return new Json(text);
    }

    /** The JSON text. */
    @Override
    public String toString() {
        return text;
    }
}
