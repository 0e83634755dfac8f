// The type system's index: codecs by type OID for reading, by Java class for binding.
package org.psycopg.r2dbc.codec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.psycopg.r2dbc.codec.builtin.BuiltinCodecs;

/**
 * An immutable set of {@link Codec}s and known {@link PgType}s, indexed for the driver's hot path:
 * decoding looks up the value's type OID in an array (or a map for OIDs of runtime types), binding
 * looks up the value's class in a cache; neither scans the codecs.
 *
 * <p>Precedence follows the order codecs were added: for a type OID, the codec added last that reads
 * the asked Java class wins, and so does the last default. For a Java class, the most specific class
 * in the value's hierarchy that some codec binds wins (its class, then superclasses, then
 * interfaces), and among codecs binding that same class, the last added.
 *
 * <p>Types created at runtime are learnt with {@link #withTypes(PgType...)}, from rows of
 * {@link PgType#CATALOG_QUERY} (fetch {@link #unknownReferences()} until none are left): codecs
 * naming them by name or kind start decoding them, and a domain reads as its base type.
 *
 * <p>Registries are cheap to derive: {@link #withOverrides(Codec[])} gives per-connection
 * overrides, {@link #withTypes(PgType...)} a registry knowing more types, and
 * {@link #withTimeZone(ZoneId)} (constant time: it shares every index) one that reads
 * {@code timestamptz} in a session's {@code TimeZone}. Immutable and thread-safe (lookup caches
 * fill on use).
 */
public final class CodecRegistry {

    /** OIDs below this are indexed in an array: every built-in type's OID is. */
    private static final int DENSE_OIDS = 10_000;

    private static final CodecRegistry DEFAULTS = new CodecRegistry(BuiltinCodecs.all(), List.of(), ZoneOffset.UTC);

    private final List<Codec<?>> codecs;
    private final Map<Integer, PgType> userTypes;
    private final ZoneId timeZone;
    private final TypeEntry[] dense;
    private final Map<Integer, TypeEntry> sparse;
    private final Map<String, PgType> typesByName;
    private final Map<Integer, PgType> rangesBySubtype;
    private final Map<Integer, PgType> multirangesByRange;
    private final Map<Class<?>, Codec<?>> encodingCodecs;
    private final ConcurrentHashMap<Class<?>, CodecParameterEncoder> encoders;

    /** The same codecs, types and indexes as {@code same}, reading timestamptz in {@code timeZone}. */
    private CodecRegistry(CodecRegistry same, ZoneId timeZone) {
        this.codecs = same.codecs;
        this.userTypes = same.userTypes;
        this.timeZone = timeZone;
        this.dense = same.dense;
        this.sparse = same.sparse;
        this.typesByName = same.typesByName;
        this.rangesBySubtype = same.rangesBySubtype;
        this.multirangesByRange = same.multirangesByRange;
        this.encodingCodecs = same.encodingCodecs;
        this.encoders = same.encoders;
    }

    private CodecRegistry(List<Codec<?>> codecs, Collection<PgType> types, ZoneId timeZone) {
        this.codecs = List.copyOf(codecs);
        this.timeZone = timeZone;
        this.dense = new TypeEntry[DENSE_OIDS];
        this.sparse = new HashMap<>();
        this.typesByName = new HashMap<>();
        this.rangesBySubtype = new HashMap<>();
        this.multirangesByRange = new HashMap<>();
        this.encodingCodecs = new HashMap<>();
        this.encoders = new ConcurrentHashMap<>();
        Map<Integer, PgType> user = new LinkedHashMap<>();
        for (PgType t : types) {
            user.put(t.oid(), t);
        }
        this.userTypes = Map.copyOf(user);
        Map<Integer, PgType> known = new LinkedHashMap<>();
        for (PgType t : BuiltinTypes.all()) {
            known.put(t.oid(), t);
        }
        known.putAll(user);
        for (PgType t : known.values()) {
            know(t);
            if (t.kind() == PgType.Kind.RANGE) {
                rangesBySubtype.putIfAbsent(t.baseOid(), t);
            } else if (t.kind() == PgType.Kind.MULTIRANGE) {
                multirangesByRange.putIfAbsent(t.baseOid(), t);
            }
        }
        for (Codec<?> codec : this.codecs) {
            for (Decoding d : codec.decodings()) {
                if (d.kind() != null) {
                    for (PgType t : known.values()) {
                        if (t.kind() == d.kind()) {
                            entry(t.oid()).add(codec, d);
                        }
                    }
                } else if (d.oid() != 0) {
                    entryOrCreate(d.oid()).add(codec, d);
                } else {
                    PgType named = typesByName.get(d.typeName());
                    if (named != null) { // else resolved once the type's OID is known (withTypes)
                        entry(named.oid()).add(codec, d);
                    }
                }
            }
            for (Class<?> c : codec.encodedClasses()) {
                encodingCodecs.put(c, codec);
            }
        }
        for (PgType t : known.values()) {
            if (t.kind() == PgType.Kind.DOMAIN) {
                entry(t.oid()).readAs(baseEntry(t, 0));
            }
        }
        for (PgType t : known.values()) {
            TypeEntry e = entry(t.oid());
            if (e.resultFormat == Format.BINARY && !asksBinary(t.oid(), 0)) {
                e.resultFormat = Format.TEXT;
            }
        }
    }

    /**
     * Whether type {@code oid} may be asked in binary: its codec reads binary and so, for an array,
     * range, multirange, composite or domain, does every type it is made of. The binary form of a
     * container nests its elements' binary forms, which a text-only codec cannot read and which the
     * server cannot even write for some types (aclitem has no binary output).
     */
    private boolean asksBinary(int oid, int depth) {
        TypeEntry e = entry(oid);
        if (e == null || e.resultFormat != Format.BINARY || depth > 32) {
            return false;
        }
        PgType t = e.type;
        if (t == null) {
            return true;
        }
        switch (t.kind()) {
            case ARRAY: case RANGE: case MULTIRANGE: case DOMAIN:
                return asksBinary(t.baseOid(), depth + 1);
            case COMPOSITE:
                for (PgType.Attribute a : t.attributes()) {
                    if (!asksBinary(a.oid(), depth + 1)) {
                        return false;
                    }
                }
                return true;
            default:
                return true;
        }
    }

    /** The entry of a domain's base type, following domains over domains. */
    private TypeEntry baseEntry(PgType domain, int depth) {
        TypeEntry base = entryOrCreate(domain.baseOid());
        if (base.type != null && base.type.kind() == PgType.Kind.DOMAIN && depth < 32) {
            return baseEntry(base.type, depth + 1);
        }
        return base;
    }

    /** All built-in codecs: immutable and shared. */
    public static CodecRegistry defaults() {
        return DEFAULTS;
    }

    /**
     * The built-in codecs, then every codec that {@link ServiceLoader} finds for {@link Codec} on the
     * class path (files {@code META-INF/services/org.psycopg.r2dbc.codec.Codec}), which take
     * precedence over the built-ins. Loaded anew on each call.
     */
    public static CodecRegistry installed() {
        return builder().addAll(DEFAULTS).addAll(ServiceLoader.load(Codec.class)).build();
    }

    /** A builder starting empty: add {@link #defaults()} first to keep the built-ins. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A copy of this registry where {@code overrides} take precedence over every codec it has, as a
     * connection's own adaptations do over its factory's.
     */
    public CodecRegistry withOverrides(Codec<?>... overrides) {
        List<Codec<?>> all = new ArrayList<>(codecs);
        all.addAll(List.of(overrides));
        return new CodecRegistry(all, userTypes.values(), timeZone);
    }

    /**
     * A copy of this registry that knows {@code types} (typically read from {@code pg_type}): codecs
     * whose {@link Decoding}s name these types start decoding their OIDs, and the OIDs get their
     * names. A type with an OID already known replaces the earlier description.
     */
    public CodecRegistry withTypes(PgType... types) {
        List<PgType> all = new ArrayList<>(userTypes.values());
        all.addAll(List.of(types));
        return new CodecRegistry(codecs, all, timeZone);
    }

    /**
     * This registry reading in {@code timeZone}, as a session whose {@code TimeZone} is that zone
     * (see {@link TimeZoneSetting}): a timestamptz read as {@code OffsetDateTime} or
     * {@code ZonedDateTime} is in that zone, read as {@code LocalDateTime} is its wall time there,
     * and a timestamp read as an instant is taken in that zone, as PostgreSQL's casts do. Shares
     * every index with this registry: constant time.
     */
    public CodecRegistry withTimeZone(ZoneId timeZone) {
        Objects.requireNonNull(timeZone, "timeZone");
        return timeZone.equals(this.timeZone) ? this : new CodecRegistry(this, timeZone);
    }

    /** The zone timestamptz values are read in: UTC unless given by {@link #withTimeZone(ZoneId)}. */
    public ZoneId timeZone() {
        return timeZone;
    }

    /** The codecs of this registry in precedence order, the last added last. */
    public List<Codec<?>> codecs() {
        return codecs;
    }

    /** The description of type {@code oid}, or null when this registry does not know it. */
    public PgType type(int oid) {
        TypeEntry e = entry(oid);
        return e == null ? null : e.type;
    }

    /**
     * The OIDs that types this registry knows refer to (array elements, range subtypes, domain bases,
     * composite attributes) but that it does not know itself: what type introspection should fetch
     * next, with {@link PgType#CATALOG_QUERY}, until none are left.
     */
    public Set<Integer> unknownReferences() {
        Set<Integer> unknown = new LinkedHashSet<>();
        for (PgType t : userTypes.values()) {
            for (int ref : t.references()) {
                if (type(ref) == null) {
                    unknown.add(ref);
                }
            }
        }
        return unknown;
    }

    /** The description of the type named {@code name}, or null when this registry does not know it. */
    public PgType type(String name) {
        return typesByName.get(name);
    }

    /** The range type over {@code subtypeOid} (the built-in one when there are several), or null when none is known. */
    public PgType rangeOf(int subtypeOid) {
        return rangesBySubtype.get(subtypeOid);
    }

    /** The multirange type of range type {@code rangeOid}, or null when none is known. */
    public PgType multirangeOf(int rangeOid) {
        return multirangesByRange.get(rangeOid);
    }

    /**
     * Decodes a non-null value.
     *
     * @param oid    the value's type OID
     * @param format the value's format
     * @param bytes  exactly the value, between position and limit, possibly read-only or direct;
     *               neither its position nor its limit moves, and no reference to it is kept
     * @param type   the Java class wanted; {@code Object.class} or null for the type's default
     *               ({@link #javaType(int)}); a primitive class stands for its wrapper
     * @return the value; any type reads as {@code String} in text format, and so does a type
     *         without codecs
     * @throws IllegalArgumentException naming the PostgreSQL type and the Java class when the value
     *                                  cannot be read as that class
     */
    @SuppressWarnings("unchecked")
    public <T> T decode(int oid, Format format, ByteBuffer bytes, Class<T> type) {
        Class<?> asked = type == null ? Object.class : type.isPrimitive() ? wrapper(type) : type;
        TypeEntry e = entry(oid);
        TypeEntry.Reader reader = null;
        if (e != null) {
            reader = asked == Object.class || asked == e.defaultType(this) ? e.defaultReader : e.readerFor(asked, this);
        }
        if (reader != null && reader.reads(format)) {
            Object value = reader.codec().decode(e.codecOid, format, bytes, asked, this);
            if (asked.isInstance(value)) {
                return (T) value;
            }
            throw new IllegalArgumentException("Codec " + reader.codec().getClass().getName() + " read PostgreSQL type "
                    + typeName(oid) + " as " + value.getClass().getName() + ", not the " + asked.getName() + " asked for");
        }
        if (format == Format.TEXT && asked.isAssignableFrom(String.class)) {
            return (T) utf8(bytes);
        }
        if (asked == String.class && e != null && e.defaultReader != null && e.defaultReader.reads(format)) {
            Codec<Object> codec = (Codec<Object>) e.defaultReader.codec();
            return (T) codec.text(codec.decode(e.codecOid, format, bytes, Object.class, this), this);
        }
        throw new IllegalArgumentException("Cannot decode PostgreSQL type " + typeName(oid) + " (OID "
                + Integer.toUnsignedString(oid) + ") in " + format + " format as " + asked.getName());
    }

    /** The Java class {@code Row.get(i)} returns for type {@code oid}: {@code String} when unknown. */
    public Class<?> javaType(int oid) {
        TypeEntry e = entry(oid);
        return e == null ? String.class : e.defaultType(this);
    }

    /** The type's name ({@code int4}, {@code text}...), or {@code oid:12345} for an unknown OID. */
    public String typeName(int oid) {
        TypeEntry e = entry(oid);
        return e == null ? "oid:" + Integer.toUnsignedString(oid) : e.name;
    }

    /**
     * The format to ask the server for in result columns of type {@code oid}: binary when the default
     * codec reads it, and, for arrays, ranges, multiranges, composites and domains, when every type
     * they are made of is asked in binary too.
     */
    public Format resultFormat(int oid) {
        TypeEntry e = entry(oid);
        return e == null ? Format.TEXT : e.resultFormat;
    }

    /**
     * The encoder for values of {@code valueClass}: found once per class (exact class, then
     * superclasses, then interfaces), then cached.
     *
     * @throws IllegalArgumentException naming the class when no codec binds it
     */
    public ParameterEncoder encoder(Class<?> valueClass) {
        CodecParameterEncoder encoder = lookup(valueClass);
        if (encoder == null) {
            throw new IllegalArgumentException("No codec binds values of class " + valueClass.getName());
        }
        return encoder;
    }

    /** The type OID a null of {@code type} binds as, as values of that class would; 0 (unspecified) when no codec binds it. */
    public int nullOid(Class<?> type) {
        CodecParameterEncoder encoder = lookup(type);
        return encoder == null ? Oids.UNSPECIFIED : encoder.typeOid;
    }

    /** The cached encoder of a class (a primitive class shares its wrapper's); null when no codec binds it. */
    private CodecParameterEncoder lookup(Class<?> valueClass) {
        CodecParameterEncoder encoder = encoders.get(valueClass);
        if (encoder != null) {
            return encoder;
        }
        if (valueClass.isPrimitive()) {
            encoder = lookup(wrapper(valueClass));
        } else {
            for (Class<?> k : hierarchy(valueClass)) {
                Codec<?> codec = encodingCodecs.get(k);
                if (codec != null) {
                    encoder = new CodecParameterEncoder(codec, valueClass, this);
                    break;
                }
            }
        }
        if (encoder != null) {
            CodecParameterEncoder raced = encoders.putIfAbsent(valueClass, encoder);
            return raced != null ? raced : encoder;
        }
        return null;
    }

    /** The class, its superclasses, then their interfaces breadth first; arrays of objects also as {@code Object[]}. */
    private static Set<Class<?>> hierarchy(Class<?> type) {
        Set<Class<?>> order = new LinkedHashSet<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c == Object.class && type.isArray() && !type.getComponentType().isPrimitive()) {
                order.add(Object[].class);
            }
            order.add(c);
        }
        Deque<Class<?>> queue = new ArrayDeque<>(order);
        while (!queue.isEmpty()) {
            for (Class<?> i : queue.poll().getInterfaces()) {
                if (order.add(i)) {
                    queue.add(i);
                }
            }
        }
        return order;
    }

    private void know(PgType t) {
        typesByName.put(t.name(), t);
        TypeEntry e = new TypeEntry(t.oid(), t);
        if (t.oid() >= 0 && t.oid() < DENSE_OIDS) {
            dense[t.oid()] = e;
        } else {
            sparse.put(t.oid(), e);
        }
    }

    private TypeEntry entry(int oid) {
        return oid >= 0 && oid < DENSE_OIDS ? dense[oid] : sparse.get(oid);
    }

    private TypeEntry entryOrCreate(int oid) {
        TypeEntry e = entry(oid);
        if (e == null) {
            e = new TypeEntry(oid, null);
            if (oid >= 0 && oid < DENSE_OIDS) {
                dense[oid] = e;
            } else {
                sparse.put(oid, e);
            }
        }
        return e;
    }

    private static String utf8(ByteBuffer bytes) {
        if (bytes.hasArray()) {
            return new String(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining(), StandardCharsets.UTF_8);
        }
        byte[] copy = new byte[bytes.remaining()];
        bytes.get(bytes.position(), copy);
        return new String(copy, StandardCharsets.UTF_8);
    }

    private static Class<?> wrapper(Class<?> primitive) {
        if (primitive == int.class) return Integer.class;
        if (primitive == long.class) return Long.class;
        if (primitive == boolean.class) return Boolean.class;
        if (primitive == short.class) return Short.class;
        if (primitive == double.class) return Double.class;
        if (primitive == float.class) return Float.class;
        if (primitive == byte.class) return Byte.class;
        if (primitive == char.class) return Character.class;
        return Void.class;
    }

    /** Collects codecs and types for a new registry. Not thread-safe; {@link #build()} copies. */
    public static final class Builder {
        private final List<Codec<?>> codecs = new ArrayList<>();
        private final List<PgType> types = new ArrayList<>();

        private Builder() {
        }

        /** Adds every codec and type of {@code registry}, in its order. */
        public Builder addAll(CodecRegistry registry) {
            codecs.addAll(registry.codecs);
            types.addAll(registry.userTypes.values());
            return this;
        }

        /** Adds codecs in order, e.g. {@code ServiceLoader.load(Codec.class)}; each takes precedence over those before. */
        @SuppressWarnings("rawtypes") // ServiceLoader.load(Codec.class) is an Iterable of the raw type
        public Builder addAll(Iterable<? extends Codec> more) {
            for (Codec<?> c : more) {
                add(c);
            }
            return this;
        }

        /** Adds a codec that takes precedence over every codec added before. */
        public Builder add(Codec<?> codec) {
            codecs.add(Objects.requireNonNull(codec, "codec"));
            return this;
        }

        /** Makes a runtime type known, as {@link CodecRegistry#withTypes(PgType...)} does. */
        public Builder type(PgType type) {
            types.add(Objects.requireNonNull(type, "type"));
            return this;
        }

        public CodecRegistry build() {
            return new CodecRegistry(codecs, types, ZoneOffset.UTC);
        }
    }
}
