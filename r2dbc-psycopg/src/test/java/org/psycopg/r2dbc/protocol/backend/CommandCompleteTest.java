// Checks how CommandComplete reads the command and the row count from the tags PostgreSQL sends.
package org.psycopg.r2dbc.protocol.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CommandCompleteTest {

    @Test
    void insertTagCountsRowsAfterTheOid() {
        assertEquals("INSERT", new CommandComplete("INSERT 0 5").command());
        assertEquals(5, new CommandComplete("INSERT 0 5").rows());
    }

    @Test
    void tagsWithARowCount() {
        assertEquals(3, new CommandComplete("SELECT 3").rows());
        assertEquals(0, new CommandComplete("UPDATE 0").rows());
        assertEquals(2, new CommandComplete("DELETE 2").rows());
        assertEquals(7, new CommandComplete("MERGE 7").rows());
        assertEquals(10, new CommandComplete("COPY 10").rows());
        assertEquals(4, new CommandComplete("FETCH 4").rows());
        assertEquals(1, new CommandComplete("MOVE 1").rows());
        assertEquals("COPY", new CommandComplete("COPY 10").command());
    }

    @Test
    void tagsWithoutARowCount() {
        assertEquals(-1, new CommandComplete("BEGIN").rows());
        assertEquals("BEGIN", new CommandComplete("BEGIN").command());
        assertEquals(-1, new CommandComplete("CREATE TABLE").rows());
        assertEquals("CREATE", new CommandComplete("CREATE TABLE").command());
        assertEquals(-1, new CommandComplete("").rows());
    }

    @Test
    void rowCountsBeyondIntRange() {
        assertEquals(5_000_000_000L, new CommandComplete("SELECT 5000000000").rows());
        assertEquals(Long.MAX_VALUE, new CommandComplete("SELECT 18446744073709551615").rows());
    }
}
