package org.psycopg.r2dbc.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The stream's settings: keepalive advance on and heartbeat off by default, intervals positive. */
class ReplicationStreamOptionsTest {

    @Test
    void defaultsAdvanceOnKeepalivesWithoutHeartbeat() {
        ReplicationStreamOptions defaults = ReplicationStreamOptions.DEFAULTS;
        assertTrue(defaults.advanceOnKeepalive());
        assertNull(defaults.heartbeatInterval());
        assertEquals(Duration.ofSeconds(10), defaults.statusInterval());
        assertEquals("r2dbc-psycopg heartbeat", ReplicationStreamOptions.HEARTBEAT_PREFIX);
    }

    @Test
    void eachSettingChangesAloneAndTheHeartbeatTurnsOffAgain() {
        ReplicationStreamOptions options = ReplicationStreamOptions.DEFAULTS.withHeartbeatInterval(Duration.ofSeconds(30))
                .withAdvanceOnKeepalive(false).withStatusInterval(Duration.ofSeconds(1));
        assertEquals(new ReplicationStreamOptions(Duration.ofSeconds(1), false, Duration.ofSeconds(30)), options);
        assertNull(options.withHeartbeatInterval(null).heartbeatInterval());
        assertFalse(options.withHeartbeatInterval(null).advanceOnKeepalive());
    }

    @Test
    void intervalsMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> ReplicationStreamOptions.DEFAULTS.withHeartbeatInterval(Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> ReplicationStreamOptions.DEFAULTS.withStatusInterval(Duration.ofSeconds(-1)));
        assertThrows(NullPointerException.class, () -> ReplicationStreamOptions.DEFAULTS.withStatusInterval(null));
    }
}
