// The CREATE_REPLICATION_SLOT command, for logical or physical slots, built option by option.
package org.psycopg.r2dbc.replication;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.psycopg.r2dbc.sql.Identifier;

/**
 * What {@link ReplicationConnection#createSlot} creates. Immutable: each option returns a new
 * command.
 *
 * @param slotName  the slot's name (lower-case letters, digits and underscores, as PostgreSQL wants)
 * @param plugin    the output plugin of a logical slot ({@code pgoutput}, {@code test_decoding}), or {@code null} for a physical slot
 * @param temporary dropped when the connection ends or on error
 * @param snapshot  a logical slot's snapshot action, or {@code null} for the server's default (export)
 * @param twoPhase  a logical slot that decodes prepared transactions at PREPARE
 * @param reserveWal a physical slot that reserves WAL at once rather than at its first connection
 */
public record CreateReplicationSlot(String slotName, String plugin, boolean temporary, SnapshotAction snapshot,
                                    boolean twoPhase, boolean reserveWal) {

    public CreateReplicationSlot {
        Objects.requireNonNull(slotName, "slotName");
        if (plugin == null && (snapshot != null || twoPhase)) {
            throw new IllegalArgumentException("SNAPSHOT and TWO_PHASE apply to logical slots only");
        }
        if (plugin != null && reserveWal) {
            throw new IllegalArgumentException("RESERVE_WAL applies to physical slots only");
        }
    }

    /** A logical slot decoded by {@code plugin}. */
    public static CreateReplicationSlot logical(String slotName, String plugin) {
        return new CreateReplicationSlot(slotName, Objects.requireNonNull(plugin, "plugin"), false, null, false, false);
    }

    /** A physical slot. */
    public static CreateReplicationSlot physical(String slotName) {
        return new CreateReplicationSlot(slotName, null, false, null, false, false);
    }

    public CreateReplicationSlot asTemporary() {
        return new CreateReplicationSlot(slotName, plugin, true, snapshot, twoPhase, reserveWal);
    }

    public CreateReplicationSlot withSnapshot(SnapshotAction action) {
        return new CreateReplicationSlot(slotName, plugin, temporary, Objects.requireNonNull(action, "action"), twoPhase, reserveWal);
    }

    public CreateReplicationSlot withTwoPhase() {
        return new CreateReplicationSlot(slotName, plugin, temporary, snapshot, true, reserveWal);
    }

    public CreateReplicationSlot withReservedWal() {
        return new CreateReplicationSlot(slotName, plugin, temporary, snapshot, twoPhase, true);
    }

    /** The command in the replication grammar of PostgreSQL 15 and later (options in parentheses). */
    String sql() {
        StringBuilder sql = new StringBuilder("CREATE_REPLICATION_SLOT ").append(Identifier.of(slotName).render());
        if (temporary) {
            sql.append(" TEMPORARY");
        }
        List<String> options = new ArrayList<>();
        if (plugin != null) {
            sql.append(" LOGICAL ").append(Identifier.of(plugin).render());
            if (snapshot != null) {
                options.add("SNAPSHOT '" + snapshot.sql() + "'");
            }
            if (twoPhase) {
                options.add("TWO_PHASE");
            }
        } else {
            sql.append(" PHYSICAL");
            if (reserveWal) {
                options.add("RESERVE_WAL");
            }
        }
        if (!options.isEmpty()) {
            sql.append(" (").append(String.join(", ", options)).append(')');
        }
        return sql.toString();
    }
}
