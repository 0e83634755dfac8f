// Every base, array, range and multirange type of the server, a sample of each read in both result formats.
package org.psycopg.r2dbc.types;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.psycopg.r2dbc.PsycopgConnection;
import org.psycopg.r2dbc.TestDatabase;
import reactor.core.publisher.Flux;

/**
 * Sweeps the types of {@code pg_catalog} and of the citext and hstore extensions (types other tests
 * create at runtime are left out: they vary with the tests that ran before): each base type from
 * {@link #SAMPLES}, each array as {@code ARRAY[sample, NULL]}, each range as {@code range(sample, NULL)}
 * and each multirange over that range. Every sample must read, as its default Java class and as
 * {@code String}, in binary results and in text results, without an exception.
 */
class TypeSweepTest {

    /** A SQL expression of each base type: a literal cast from text, or a function's output where no literal exists. */
    private static final Map<String, String> SAMPLES = Map.ofEntries(
            entry("aclitem", "makeaclitem(10, 10, 'SELECT', true)"),
            entry("bit", "B'101'::bit(3)"), entry("bool", "true"), entry("box", "'((0,0),(1,1))'::box"),
            entry("bpchar", "'ab'::bpchar(3)"), entry("bytea", "'\\x00ff'::bytea"), entry("char", "'x'::\"char\""),
            entry("cid", "'7'::cid"), entry("cidr", "'10.0.0.0/8'::cidr"), entry("circle", "'<(1,2),3>'::circle"),
            entry("citext", "'MiXeD'::citext"), entry("date", "'2024-02-29'::date"),
            entry("float4", "'-Infinity'::float4"), entry("float8", "'NaN'::float8"),
            entry("hstore", "'a=>1, b=>NULL'::hstore"), entry("inet", "'::1/128'::inet"), entry("int2", "(-32768)::int2"),
            entry("int2vector", "'1 2'::int2vector"), entry("int4", "2147483647"), entry("int8", "(-9223372036854775808)::int8"),
            entry("interval", "'1 year -2 days 03:04:05.000006'::interval"), entry("json", "'{\"a\": [1, null]}'::json"),
            entry("jsonb", "'{\"a\": [1, null]}'::jsonb"), entry("jsonpath", "'$.a[*]'::jsonpath"), entry("line", "'{1,-1,0}'::line"),
            entry("lseg", "'[(0,0),(1,1)]'::lseg"), entry("macaddr", "'08:00:2b:01:02:03'::macaddr"),
            entry("macaddr8", "'08:00:2b:01:02:03:04:05'::macaddr8"), entry("money", "'-1.23'::money"),
            entry("name", "'a name'::name"), entry("numeric", "'-1e-100'::numeric"), entry("oid", "4294967295::oid"),
            entry("oidvector", "'1 2'::oidvector"), entry("path", "'[(0,0),(1,1)]'::path"),
            entry("pg_dependencies", "(SELECT stxddependencies FROM pg_statistic_ext_data d JOIN pg_statistic_ext s ON s.oid = d.stxoid"
                    + " WHERE s.stxname = 'type_sweep_statistics' LIMIT 1)"),
            entry("pg_lsn", "'FFFFFFFF/FFFFFFFF'::pg_lsn"),
            entry("pg_mcv_list", "(SELECT stxdmcv FROM pg_statistic_ext_data d JOIN pg_statistic_ext s ON s.oid = d.stxoid"
                    + " WHERE s.stxname = 'type_sweep_statistics' LIMIT 1)"),
            entry("pg_ndistinct", "(SELECT stxdndistinct FROM pg_statistic_ext_data d JOIN pg_statistic_ext s ON s.oid = d.stxoid"
                    + " WHERE s.stxname = 'type_sweep_statistics' LIMIT 1)"),
            entry("pg_node_tree", "(SELECT proargdefaults FROM pg_proc WHERE proargdefaults IS NOT NULL ORDER BY oid LIMIT 1)"),
            entry("pg_snapshot", "'10:20:10,14,15'::pg_snapshot"), entry("point", "'(1.5,-2)'::point"),
            entry("polygon", "'((0,0),(1,1),(2,0))'::polygon"), entry("refcursor", "'a cursor'::refcursor"),
            entry("regclass", "'pg_class'::regclass"), entry("regcollation", "'\"C\"'::regcollation"),
            entry("regconfig", "'simple'::regconfig"), entry("regdictionary", "'simple'::regdictionary"),
            entry("regnamespace", "'pg_catalog'::regnamespace"),
            entry("regoper", "(SELECT oid::regoper FROM pg_operator ORDER BY oid LIMIT 1)"),
            entry("regoperator", "'+(int4,int4)'::regoperator"), entry("regproc", "'now'::regproc"),
            entry("regprocedure", "'abs(int4)'::regprocedure"), entry("regrole", "current_user::regrole"),
            entry("regtype", "'int4'::regtype"), entry("text", "'ü🐘'::text"), entry("tid", "'(0,1)'::tid"),
            entry("time", "'24:00'::time"), entry("timestamp", "'infinity'::timestamp"),
            entry("timestamptz", "'2024-03-31 02:30:00+02'::timestamptz"), entry("timetz", "'12:00+05:53:28'::timetz"),
            entry("tsquery", "'fat & (rat | cat)'::tsquery"), entry("tsvector", "'a fat cat'::tsvector"),
            entry("txid_snapshot", "'10:20:10,14,15'::txid_snapshot"), entry("uuid", "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid"),
            entry("varbit", "B''::varbit"), entry("varchar", "''::varchar"), entry("xid", "'42'::xid"), entry("xid8", "'42'::xid8"),
            entry("xml", "'<a>ü</a>'::xml"));

    /** Base types no sample is made of, and why; arrays of them are left out with them. */
    private static final Map<String, String> SKIPPED = Map.of(
            "gtsvector", "only a GiST index's internal storage holds one: its input function refuses every text, no SQL function returns one",
            "ghstore", "hstore's GiST index storage, as gtsvector is tsvector's: its input function refuses every text",
            "pg_brin_bloom_summary", "only a BRIN index page holds one (read with the pageinspect extension): its input function refuses every text",
            "pg_brin_minmax_multi_summary", "only a BRIN index page holds one (read with the pageinspect extension): its input function refuses every text");

    private final PsycopgConnection connection = TestDatabase.connect();
    private final ServerValues values = new ServerValues(connection);

    @AfterEach
    void close() {
        values.execute("DROP TABLE IF EXISTS type_sweep_statistics_source");
        connection.close().block(TestDatabase.TIMEOUT);
    }

    private List<String> strings(String sql) {
        return Flux.from(connection.createStatement(sql).execute())
                .flatMap(result -> result.map(row -> row.get(0, String.class))).collectList().block(TestDatabase.TIMEOUT);
    }

    /** name → SQL sample of every swept type; base types without a sample are returned in {@code unsampled}. */
    private Map<String, String> sweep(List<String> unsampled) {
        String kinds = "SELECT t.typname, t.typtype, coalesce(e.typname, ''), coalesce(rs.typname, ''), coalesce(mr.typname, '')"
                + " FROM pg_type t"
                + " LEFT JOIN pg_type e ON e.oid = t.typelem AND e.typarray = t.oid"
                + " LEFT JOIN pg_range r ON r.rngtypid = t.oid LEFT JOIN pg_type rs ON rs.oid = r.rngsubtype"
                + " LEFT JOIN pg_range m ON m.rngmultitypid = t.oid LEFT JOIN pg_type mr ON mr.oid = m.rngtypid"
                + " WHERE t.typtype IN ('b', 'r', 'm') AND (t.typnamespace = 'pg_catalog'::regnamespace OR t.oid IN"
                + " (SELECT objid FROM pg_depend WHERE classid = 'pg_type'::regclass AND deptype = 'e' AND refobjid IN"
                + " (SELECT oid FROM pg_extension WHERE extname IN ('citext', 'hstore'))))"
                + " ORDER BY e.oid IS NOT NULL, t.typtype = 'm', t.typname";
        List<String[]> types = Flux.from(connection.createStatement(kinds).execute())
                .flatMap(result -> result.map(row -> new String[] {row.get(0, String.class), row.get(1, String.class),
                        row.get(2, String.class), row.get(3, String.class), row.get(4, String.class)}))
                .collectList().block(TestDatabase.TIMEOUT);
        Map<String, String> samples = new LinkedHashMap<>();
        for (String[] t : types) {
            String name = t[0], kind = t[1], element = t[2], subtype = t[3], range = t[4];
            if (!element.isEmpty()) {
                if (samples.containsKey(element)) {
                    samples.put(name, "ARRAY[" + samples.get(element) + ", NULL]::" + element + "[]");
                }
            } else if (kind.equals("r")) {
                samples.put(name, name + "(" + SAMPLES.get(subtype) + ", NULL)");
            } else if (kind.equals("m")) {
                samples.put(name, name + "(" + samples.get(range) + ")");
            } else if (SAMPLES.containsKey(name)) {
                samples.put(name, SAMPLES.get(name));
            } else if (!SKIPPED.containsKey(name)) {
                unsampled.add(name);
            }
        }
        return samples;
    }

    @Test
    void everyTypeOfTheServerReadsInBothFormatsAsItsDefaultClassAndAsString() {
        values.execute("CREATE EXTENSION IF NOT EXISTS citext");
        values.execute("CREATE EXTENSION IF NOT EXISTS hstore");
        // Extended statistics are the only source of pg_ndistinct, pg_dependencies and pg_mcv_list values.
        values.execute("DROP TABLE IF EXISTS type_sweep_statistics_source");
        values.execute("CREATE TABLE type_sweep_statistics_source AS SELECT i % 10 AS a, i % 5 AS b FROM generate_series(1, 1000) i");
        values.execute("CREATE STATISTICS type_sweep_statistics (ndistinct, dependencies, mcv) ON a, b FROM type_sweep_statistics_source");
        values.execute("ANALYZE type_sweep_statistics_source");

        List<String> unsampled = new ArrayList<>();
        Map<String, String> samples = sweep(unsampled);
        assertEquals(List.of(), unsampled, "base types with neither a sample nor a reason to skip them");
        assertTrue(samples.size() > 150, "swept " + samples.size() + " types");

        List<String> failures = new ArrayList<>();
        samples.forEach((type, sample) -> {
            for (Class<?> asked : List.of(Object.class, String.class)) {
                try {
                    List<?> read = values.read(sample, asked);
                    if (read.get(0) == null || read.get(1) == null) {
                        failures.add(type + " as " + asked.getSimpleName() + ": read SQL NULL from " + sample);
                    }
                } catch (RuntimeException e) {
                    failures.add(type + " as " + asked.getSimpleName() + ": " + e);
                }
            }
        });
        assertEquals(List.of(), failures);
    }
}
