// A notice the server sent: RAISE NOTICE, a warning, an informational message.
package org.psycopg.r2dbc;

import org.psycopg.r2dbc.error.ErrorDetails;

/** Every field of the NoticeResponse: severity, SQLSTATE, message, detail, hint, position, context... */
public record Notice(ErrorDetails details) {

    public String severity() {
        return details.severityNonLocalized() != null ? details.severityNonLocalized() : details.severity();
    }

    public String sqlState() {
        return details.code();
    }

    public String message() {
        return details.message();
    }
}
