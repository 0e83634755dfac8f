// The few plain JDBC calls the benchmarks make to set up tables and read a figure back.
package org.psycopg.r2dbc.benchmarks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Runs SQL over a pgjdbc connection outside any measurement. */
final class JdbcCommands {

    private JdbcCommands() {
    }

    /** Runs {@code sql}, ignoring any result. */
    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The first column of the first row {@code sql} returns, as text. */
    static String query(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}
