// One PostgreSQL type a codec reads, with its formats and whether it is the type's default.
package org.psycopg.r2dbc.codec;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * PostgreSQL types that a {@link Codec} decodes into its Java type: one type named by OID for types
 * with a fixed OID, or by type name for types whose OID is known only at runtime (extensions such as
 * {@code hstore} or {@code citext}), or every type of a kind (all arrays, all enums, all composites...),
 * which the registry resolves through the {@link PgType}s it knows. Immutable.
 *
 * @param oid        the type OID, or 0 when the type is named otherwise
 * @param typeName   the type name ({@code pg_type.typname}), or null
 * @param kind       the kind of every type meant, or null
 * @param formats    the formats the codec reads this type in (never empty)
 * @param isDefault  whether the codec's Java type is this type's default Java type, the one
 *                   {@code Row.get(i)} returns when no class is asked for
 */
public record Decoding(int oid, String typeName, PgType.Kind kind, Set<Format> formats, boolean isDefault) {

    public Decoding {
        int named = (oid != 0 ? 1 : 0) + (typeName != null ? 1 : 0) + (kind != null ? 1 : 0);
        if (named != 1) {
            throw new IllegalArgumentException("A decoding names its types by OID, by name or by kind, exactly one of them");
        }
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("A decoding reads at least one format");
        }
        formats = Set.copyOf(formats);
    }

    /** Reads type {@code oid} in both formats into a non-default Java type. */
    public static Decoding of(int oid) {
        return new Decoding(oid, null, null, EnumSet.allOf(Format.class), false);
    }

    /** Reads type {@code oid} in both formats into its default Java type. */
    public static Decoding defaultFor(int oid) {
        return new Decoding(oid, null, null, EnumSet.allOf(Format.class), true);
    }

    /** Reads the type named {@code typeName} in both formats into a non-default Java type. */
    public static Decoding named(String typeName) {
        return new Decoding(0, Objects.requireNonNull(typeName, "typeName"), null, EnumSet.allOf(Format.class), false);
    }

    /** Reads the type named {@code typeName} in both formats into its default Java type. */
    public static Decoding defaultForName(String typeName) {
        return new Decoding(0, Objects.requireNonNull(typeName, "typeName"), null, EnumSet.allOf(Format.class), true);
    }

    /** Reads every type of {@code kind} in both formats into a non-default Java type. */
    public static Decoding ofKind(PgType.Kind kind) {
        return new Decoding(0, null, Objects.requireNonNull(kind, "kind"), EnumSet.allOf(Format.class), false);
    }

    /** Reads every type of {@code kind} in both formats into its default Java type. */
    public static Decoding defaultForKind(PgType.Kind kind) {
        return new Decoding(0, null, Objects.requireNonNull(kind, "kind"), EnumSet.allOf(Format.class), true);
    }

    /** This decoding restricted to the given formats. */
    public Decoding in(Format first, Format... more) {
        return new Decoding(oid, typeName, kind, EnumSet.of(first, more), isDefault);
    }

    /** Whether this decoding reads {@code format}. */
    public boolean reads(Format format) {
        return formats.contains(format);
    }
}
