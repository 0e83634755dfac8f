// Logs server notices that nobody subscribed to.
package org.psycopg.r2dbc.engine;

import org.psycopg.r2dbc.error.ErrorDetails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A notice (RAISE NOTICE, a warning) is never lost silently: with no subscriber it goes to the log. */
final class NoticeLog {

    private static final Logger LOG = LoggerFactory.getLogger("org.psycopg.r2dbc.notice");

    private NoticeLog() {
    }

    static void log(ErrorDetails notice) {
        String severity = notice.severityNonLocalized() != null ? notice.severityNonLocalized() : notice.severity();
        if ("WARNING".equals(severity)) {
            LOG.warn("{}: {} [{}]", severity, notice.message(), notice.code());
        } else {
            LOG.info("{}: {} [{}]", severity, notice.message(), notice.code());
        }
    }
}
