// A row of pg_type as the type system needs it: OID, name, kind and related types.
package org.psycopg.r2dbc.codec;

import java.util.List;
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
