// The codecs one connection adds over its factory's, psycopg 3's per-connection adapters.
package org.psycopg.r2dbc;

import java.util.ArrayList;
import java.util.List;
import org.psycopg.r2dbc.codec.Codec;
import org.psycopg.r2dbc.codec.CodecRegistry;

/**
 * Codecs registered on one connection take precedence over its factory's for that connection
 * only. The derived registry is built when the overrides or the factory's registry (which grows
 * as types are learned) change, not per statement. Thread-safe.
 */
final class ConnectionCodecs {

    private record Derived(CodecRegistry base, List<Codec<?>> overrides, CodecRegistry registry) {
    }

    private volatile List<Codec<?>> overrides = List.of();
    private volatile Derived last = new Derived(null, null, null);

    synchronized void register(Codec<?>... codecs) {
        List<Codec<?>> more = new ArrayList<>(overrides);
        more.addAll(List.of(codecs));
        overrides = List.copyOf(more);
    }

    /** {@code base} with this connection's codecs over it. */
    CodecRegistry apply(CodecRegistry base) {
        List<Codec<?>> current = overrides;
        if (current.isEmpty()) {
            return base;
        }
        Derived derived = last;
        if (derived.base != base || derived.overrides != current) {
            derived = new Derived(base, current, base.withOverrides(current.toArray(Codec<?>[]::new)));
            last = derived;
        }
        return derived.registry;
    }
}
