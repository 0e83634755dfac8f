// One SQL text and the bindings it runs with: a part of a request.
package org.psycopg.r2dbc;

import java.util.List;

/**
 * @param sql    the SQL text, placeholders as {@code $n}
 * @param values one array of bound values per execution, at least one
 */
record StatementRun(String sql, List<Object[]> values) {
}
