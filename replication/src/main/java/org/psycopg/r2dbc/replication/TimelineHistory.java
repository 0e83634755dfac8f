// What TIMELINE_HISTORY answers: a timeline history file's name and content.
package org.psycopg.r2dbc.replication;

/**
 * The answer to {@code TIMELINE_HISTORY}. Immutable.
 *
 * @param fileName the history file's name, such as {@code 00000002.history}
 * @param content  its text: one line per earlier timeline, with the position where it ended
 */
public record TimelineHistory(String fileName, String content) {
}
