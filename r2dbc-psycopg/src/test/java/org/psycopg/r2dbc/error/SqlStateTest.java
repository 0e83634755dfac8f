// Checks the SQLSTATE table: lookup by code, condition names, classes and completeness.
package org.psycopg.r2dbc.error;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqlStateTest {

    @Test
    void lookupByCodeFindsConstantWithConditionNameAndClass() {
        SqlState state = SqlState.of("23505").orElseThrow();

        assertEquals(SqlState.UNIQUE_VIOLATION, state);
        assertEquals("23505", state.code());
        assertEquals("unique_violation", state.conditionName());
        assertEquals("23", state.sqlClass());
    }

    @Test
    void lookupFindsCodesWithLettersAndCodesOfLaterReleases() {
        assertEquals(Optional.of(SqlState.DEADLOCK_DETECTED), SqlState.of("40P01"));
        assertEquals("deadlock_detected", SqlState.DEADLOCK_DETECTED.conditionName());
        assertEquals(Optional.of(SqlState.RAISE_EXCEPTION), SqlState.of("P0001"));
        assertEquals(Optional.of(SqlState.FEATURE_NOT_SUPPORTED), SqlState.of("0A000"));
        assertEquals(Optional.of(SqlState.TRANSACTION_TIMEOUT), SqlState.of("25P04"));
        assertEquals(Optional.of(SqlState.FILE_NAME_TOO_LONG), SqlState.of("58P03"));
        assertEquals(Optional.of(SqlState.SQL_JSON_ITEM_CANNOT_BE_CAST_TO_TARGET_TYPE), SqlState.of("2203G"));
        assertEquals(Optional.of(SqlState.SNAPSHOT_TOO_OLD), SqlState.of("72000"));
        assertEquals("HV", SqlState.FDW_ERROR.sqlClass());
    }

    @Test
    void unknownOrMissingCodeFindsNothing() {
        assertEquals(Optional.empty(), SqlState.of("ZZ999"));
        assertEquals(Optional.empty(), SqlState.of("23"));
        assertEquals(Optional.empty(), SqlState.of(""));
        assertEquals(Optional.empty(), SqlState.of(null));
    }

    @Test
    void conditionNamesSharedByTwoCodesKeepTheirOwnConstants() {
        assertEquals("string_data_right_truncation", SqlState.STRING_DATA_RIGHT_TRUNCATION.conditionName());
        assertEquals("22001", SqlState.STRING_DATA_RIGHT_TRUNCATION.code());
        assertEquals("01004", SqlState.WARNING_STRING_DATA_RIGHT_TRUNCATION.code());
        assertEquals("22004", SqlState.NULL_VALUE_NOT_ALLOWED.code());
        assertEquals("39004", SqlState.E_R_I_E_NULL_VALUE_NOT_ALLOWED.code());
        assertEquals("2F002", SqlState.S_R_E_MODIFYING_SQL_DATA_NOT_PERMITTED.code());
        assertEquals("38002", SqlState.E_R_E_MODIFYING_SQL_DATA_NOT_PERMITTED.code());
        assertEquals("modifying_sql_data_not_permitted", SqlState.E_R_E_MODIFYING_SQL_DATA_NOT_PERMITTED.conditionName());
    }

    @Test
    void aliasCodesResolveToTheirNamedCondition() {
        // errcodes.txt lists 2202E twice (array_element_error without a condition name) and 22008 twice
        assertEquals(Optional.of(SqlState.ARRAY_SUBSCRIPT_ERROR), SqlState.of("2202E"));
        assertEquals(Optional.of(SqlState.DATETIME_FIELD_OVERFLOW), SqlState.of("22008"));
        assertEquals(Optional.of(SqlState.INVALID_CATALOG_NAME), SqlState.of("3D000"));
    }

    @Test
    void everyCodeIsFiveCharactersUniqueAndFindsItsConstant() {
        Set<String> codes = Arrays.stream(SqlState.values()).map(SqlState::code).collect(Collectors.toSet());

        assertEquals(262, SqlState.values().length);
        assertEquals(SqlState.values().length, codes.size());
        for (SqlState state : SqlState.values()) {
            assertTrue(state.code().matches("[0-9A-Z]{5}"), state.code());
            assertTrue(state.conditionName().matches("[a-z_]+"), state.conditionName());
            assertEquals(Optional.of(state), SqlState.of(state.code()));
        }
    }
}
