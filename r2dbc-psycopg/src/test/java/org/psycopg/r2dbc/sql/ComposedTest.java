// Specification of sequences of SQL pieces: concatenation, joining and trusted text.
package org.psycopg.r2dbc.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ComposedTest {

    @Test
    void piecesRenderOneAfterTheOther() {
        Composed composed = Composed.of(SqlText.of("SELECT "), Identifier.of("a"), SqlText.of(" = "), Literal.of(1));
        assertEquals("SELECT \"a\" = 1", composed.render());
        assertEquals(4, composed.parts().size());
    }

    @Test
    void joinPutsTheSeparatorBetweenPieces() {
        Composed columns = Composed.of(Identifier.of("a"), Identifier.of("b"), Identifier.of("c"));
        assertEquals("\"a\", \"b\", \"c\"", columns.join(", ").render());
        assertEquals("\"a\" AND \"b\" AND \"c\"", columns.join(SqlText.of(" AND ")).render());
    }

    @Test
    void joiningOnePieceOrNoneAddsNoSeparator() {
        assertEquals("\"a\"", Composed.of(Identifier.of("a")).join(", ").render());
        assertEquals("", Composed.of().join(", ").render());
    }

    @Test
    void sqlTextJoinsASequence() {
        List<Placeholder> placeholders = List.of(Placeholder.of(1), Placeholder.of(2), Placeholder.of(3));
        assertEquals("$1, $2, $3", SqlText.of(", ").join(placeholders).render());
    }

    @Test
    void composedPiecesNest() {
        Composed inner = Composed.of(SqlText.of("("), Literal.of("x"), SqlText.of(")"));
        assertEquals("IN ('x')", Composed.of(SqlText.of("IN "), inner).render());
    }

    @Test
    void sqlTextIsRenderedAsItIs() {
        assertEquals("SELECT 'raw' -- trusted", SqlText.of("SELECT 'raw' -- trusted").render());
    }

    @Test
    void sqlTextWithANulCharacterIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> SqlText.of("SELECT \0"));
        assertThrows(IllegalArgumentException.class, () -> SqlText.of(null));
    }

    @Test
    void composedValuesAreEqualWhenTheyRenderTheSame() {
        assertEquals(Composed.of(SqlText.of("a"), SqlText.of("b")), Composed.of(SqlText.of("ab")));
        assertEquals("Composed[\"a\", 1]", Composed.of(Identifier.of("a"), SqlText.of(", "), Literal.of(1)).toString());
    }

    @Test
    void nullSeparatorIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Composed.of(SqlText.of("a")).join((Composable) null));
    }
}
