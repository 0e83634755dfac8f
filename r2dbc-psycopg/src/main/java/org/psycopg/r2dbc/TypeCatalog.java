// The types a connection factory has learned from the server's catalog.
package org.psycopg.r2dbc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.psycopg.r2dbc.codec.CodecRegistry;
import org.psycopg.r2dbc.codec.PgType;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Shared by a factory's connections: a result column whose type OID the registry does not know
 * (a user enum, composite, domain, range, an extension type such as hstore or citext) is looked
 * up once in pg_type, pg_attribute and pg_range, along with every type it refers to, and the
 * registry grows by it. Lookups race harmlessly: the registry only ever gains types.
 */
final class TypeCatalog {

    private final AtomicReference<CodecRegistry> registry;

    TypeCatalog(CodecRegistry initial) {
        this.registry = new AtomicReference<>(initial);
    }

    CodecRegistry registry() {
        return registry.get();
    }

    /** Looks the given OIDs up (and what they refer to) unless every one is known already. */
    Mono<CodecRegistry> learn(PsycopgConnection connection, Collection<Integer> oids) {
        return learn(connection, registry, oids);
    }

    /**
     * The same for a registry of the caller's, {@code base}: the types it lacks among {@code oids},
     * and those they refer to, looked up over {@code connection} during the caller's turn.
     */
    static Mono<CodecRegistry> learn(PsycopgConnection connection, CodecRegistry base, Collection<Integer> oids) {
        return learn(connection, new AtomicReference<>(base), oids);
    }

    private static Mono<CodecRegistry> learn(PsycopgConnection connection, AtomicReference<CodecRegistry> registry,
                                             Collection<Integer> oids) {
        List<Integer> unknown = oids.stream().filter(oid -> oid != 0 && registry.get().type(oid) == null).distinct().toList();
        if (unknown.isEmpty()) {
            return Mono.just(registry.get());
        }
        return fetch(connection, unknown).expand(learned -> {
            CodecRegistry current = registry.updateAndGet(known -> known.withTypes(learned.toArray(PgType[]::new)));
            Set<Integer> references = current.unknownReferences();
            return references.isEmpty() ? Mono.empty() : fetch(connection, List.copyOf(references));
        }).then(Mono.fromSupplier(registry::get));
    }

    private static Mono<List<PgType>> fetch(PsycopgConnection connection, List<Integer> oids) {
        String[] asText = oids.stream().map(oid -> Integer.toUnsignedString(oid)).toArray(String[]::new);
        // Runs during the turn of the statement that needs the types, so it must not wait for a turn itself.
        return connection.runExtendedNow(PgType.CATALOG_QUERY, List.<Object[]>of(new Object[] {asText, new String[0]}))
                .flatMap(result -> result.map(row -> PgType.fromCatalog(
                        (int) Long.parseLong(row.get(0, String.class)), row.get(1, String.class),
                        row.get(2, String.class).charAt(0), row.get(3, String.class).charAt(0),
                        unsigned(row.get(4, String.class)), unsigned(row.get(5, String.class)), unsigned(row.get(6, String.class)),
                        row.get(7, String.class) == null ? null : unsigned(row.get(7, String.class)),
                        row.get(8, String.class) == null ? null : unsigned(row.get(8, String.class)),
                        List.of(row.get(9, String[].class)), oidList(row.get(10, String[].class)))))
                .collectList();
    }

    private static int unsigned(String oid) {
        return (int) Long.parseLong(oid);
    }

    private static List<Integer> oidList(String[] oids) {
        List<Integer> out = new ArrayList<>(oids.length);
        for (String oid : oids) {
            out.add(unsigned(oid));
        }
        return out;
    }
}
