// A row of pg_type as the type system needs it: OID, name, kind and related types.
package org.psycopg.r2dbc.codec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Objects;

/**
 * What the registry knows of one PostgreSQL type: the facts of its {@code pg_type} row that decoding
 * depends on. Built-in types are always known; types created at runtime (extensions, user enums,
 * composites, domains, ranges, and arrays of them) are added with
 * {@link CodecRegistry#withTypes(PgType...)}, typically from {@code pg_type} introspection, and
 * codecs that name them in a {@link Decoding} start decoding their OID. Immutable.
 *
 * @param oid        the type OID ({@code pg_type.oid})
 * @param name       the type name ({@code pg_type.typname}), unqualified
 * @param kind       what sort of type it is
 * @param baseOid    the related type: an array's element type, a range's subtype, a multirange's
 *                   range type, a domain's base type; 0 for other kinds
 * @param arrayOid   the OID of the array of this type ({@code pg_type.typarray}), 0 when none
 * @param attributes a composite type's attributes in order; empty for other kinds
 */
public record PgType(int oid, String name, Kind kind, int baseOid, int arrayOid, List<Attribute> attributes) {

    /** What sort of type a {@link PgType} is ({@code pg_type.typtype}, with arrays told apart). */
    public enum Kind { BASE, ARRAY, RANGE, MULTIRANGE, ENUM, COMPOSITE, DOMAIN, PSEUDO }

    /** One attribute of a composite type ({@code pg_attribute.attname}, {@code atttypid}). */
    public record Attribute(String name, int oid) {
        public Attribute {
            Objects.requireNonNull(name, "name");
        }
    }

    public PgType {
        if (oid == 0) {
            throw new IllegalArgumentException("A type has a non-zero OID");
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        attributes = List.copyOf(attributes);
    }

    /**
     * The query that describes types for {@link #fromCatalog}: its one parameter is an {@code oid[]}
     * of the OIDs wanted ({@code $1}), its second a {@code text[]} of type names ({@code $2}, e.g.
     * {@code hstore}, {@code citext}); it returns one row per type, columns in
     * {@code fromCatalog}'s order. Needs PostgreSQL 14 or later (multiranges).
     */
    public static final String CATALOG_QUERY = "SELECT t.oid, t.typname, t.typtype, t.typcategory, t.typelem, t.typarray,"
            + " t.typbasetype, r.rngsubtype, m.rngtypid,"
            + " ARRAY(SELECT a.attname::text FROM pg_catalog.pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0"
            + " AND NOT a.attisdropped ORDER BY a.attnum),"
            + " ARRAY(SELECT a.atttypid FROM pg_catalog.pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0"
            + " AND NOT a.attisdropped ORDER BY a.attnum)"
            + " FROM pg_catalog.pg_type t"
            + " LEFT JOIN pg_catalog.pg_range r ON r.rngtypid = t.oid"
            + " LEFT JOIN pg_catalog.pg_range m ON m.rngmultitypid = t.oid"
            + " WHERE t.oid = ANY($1::pg_catalog.oid[]) OR t.typname = ANY($2::pg_catalog.text[])";

    /**
     * The type a row of {@link #CATALOG_QUERY} describes.
     *
     * @param oid             {@code pg_type.oid}
     * @param typname         {@code pg_type.typname}
     * @param typtype         {@code pg_type.typtype}: b, c, d, e, p, r or m
     * @param typcategory     {@code pg_type.typcategory} ('A' for arrays)
     * @param typelem         {@code pg_type.typelem}
     * @param typarray        {@code pg_type.typarray}
     * @param typbasetype     {@code pg_type.typbasetype} (a domain's base type)
     * @param rngsubtype      {@code pg_range.rngsubtype} of a range type, else null
     * @param multirangeRange {@code pg_range.rngtypid} of a multirange type, else null
     * @param attributeNames  a composite's attribute names in order, else empty
     * @param attributeOids   a composite's attribute type OIDs in order, else empty
     */
    public static PgType fromCatalog(int oid, String typname, char typtype, char typcategory, int typelem, int typarray,
                                     int typbasetype, Integer rngsubtype, Integer multirangeRange,
                                     List<String> attributeNames, List<Integer> attributeOids) {
        switch (typtype) {
            case 'c': {
                if (attributeNames.size() != attributeOids.size()) {
                    throw new IllegalArgumentException("Composite " + typname + " has as many attribute names as types");
                }
                List<Attribute> attributes = new ArrayList<>();
                for (int i = 0; i < attributeNames.size(); i++) {
                    attributes.add(new Attribute(attributeNames.get(i), attributeOids.get(i)));
                }
                return new PgType(oid, typname, Kind.COMPOSITE, 0, typarray, attributes);
            }
            case 'd': return of(oid, typname, Kind.DOMAIN, typbasetype, typarray);
            case 'e': return of(oid, typname, Kind.ENUM, 0, typarray);
            case 'p': return of(oid, typname, Kind.PSEUDO, 0, typarray);
            case 'r': return of(oid, typname, Kind.RANGE, rngsubtype == null ? 0 : rngsubtype, typarray);
            case 'm': return of(oid, typname, Kind.MULTIRANGE, multirangeRange == null ? 0 : multirangeRange, typarray);
            default:
                if (typcategory == 'A' && typelem != 0) {
                    return of(oid, typname, Kind.ARRAY, typelem, typarray);
                }
                return of(oid, typname, Kind.BASE, 0, typarray);
        }
    }

    /** The OIDs this type's decoding depends on: its related type, array type and attribute types. */
    public Set<Integer> references() {
        Set<Integer> refs = new LinkedHashSet<>();
        if (baseOid != 0) {
            refs.add(baseOid);
        }
        if (arrayOid != 0) {
            refs.add(arrayOid);
        }
        for (Attribute a : attributes) {
            refs.add(a.oid());
        }
        return refs;
    }

    /** A base (or pseudo) type with no array. */
    public static PgType base(int oid, String name) {
        return new PgType(oid, name, Kind.BASE, 0, 0, List.of());
    }

    /** A type of {@code kind} whose related type ({@link #baseOid()}) is {@code baseOid}. */
    public static PgType of(int oid, String name, Kind kind, int baseOid, int arrayOid) {
        return new PgType(oid, name, kind, baseOid, arrayOid, List.of());
    }

    /** The array type of {@code element}, named as PostgreSQL names it ({@code _} + element name). */
    public static PgType arrayOf(PgType element) {
        if (element.arrayOid == 0) {
            throw new IllegalArgumentException("Type " + element.name + " has no array type");
        }
        return new PgType(element.arrayOid, "_" + element.name, Kind.ARRAY, element.oid, 0, List.of());
    }
}
