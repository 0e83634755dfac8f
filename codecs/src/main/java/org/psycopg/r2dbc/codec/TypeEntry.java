// What the registry knows of one type OID: its name, its default codec and its codecs by Java class.
package org.psycopg.r2dbc.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The codecs that decode one type OID, most recent first, with the default one and a cache of the
 * codec chosen for each Java class asked for. Built once per registry; the caches fill on use. A
 * domain's entry holds its base type's codecs, which are called with the base type's OID.
 */
final class TypeEntry {

    /** One codec's reading of this type: in which formats. */
    record Reader(Codec<?> codec, boolean text, boolean binary) {
        boolean reads(Format format) {
            return format == Format.BINARY ? binary : text;
        }
    }

    private static final Reader NONE = new Reader(null, false, false);

    final String name;
    final PgType type;
    /** The OID codecs are called with: this type's, or a domain's base type's. */
    int codecOid;
    /** Readers, most recently added codec first. */
    private final List<Reader> readers = new ArrayList<>();
    Reader defaultReader;
    Format resultFormat = Format.TEXT;
    private volatile Class<?> defaultType;
    private final ConcurrentHashMap<Class<?>, Reader> byClass = new ConcurrentHashMap<>();

    TypeEntry(int oid, PgType type) {
        this.codecOid = oid;
        this.type = type;
        this.name = type != null ? type.name() : "oid:" + Integer.toUnsignedString(oid);
    }

    /** Adds a codec's decoding; codecs come in precedence order, the last one wins. */
    void add(Codec<?> codec, Decoding decoding) {
        add(new Reader(codec, decoding.reads(Format.TEXT), decoding.reads(Format.BINARY)), decoding.isDefault());
    }

    private void add(Reader reader, boolean isDefault) {
        readers.removeIf(r -> r.codec() == reader.codec());
        readers.add(0, reader);
        if (isDefault) {
            defaultReader = reader;
            resultFormat = reader.binary() ? Format.BINARY : Format.TEXT;
        }
    }

    /** Makes this (domain) entry read as {@code base} does, with the base's OID. */
    void readAs(TypeEntry base) {
        codecOid = base.codecOid;
        readers.clear();
        for (int i = base.readers.size() - 1; i >= 0; i--) {
            add(base.readers.get(i), false);
        }
        defaultReader = base.defaultReader;
        resultFormat = base.resultFormat;
    }

    /** The class values decode into when none is asked for: String when no codec is the default. */
    Class<?> defaultType(CodecRegistry registry) {
        Class<?> type = defaultType;
        if (type == null) {
            type = defaultReader == null ? String.class : defaultReader.codec().defaultJavaType(codecOid, registry);
            defaultType = type;
        }
        return type;
    }

    /**
     * The reader for an asked class (not Object): the default codec when its Java type fits, else
     * the latest codec of exactly that class, else the latest codec whose class fits, else the
     * latest codec of a family the class belongs to (an enum class for the enum codec); null if none.
     */
    Reader readerFor(Class<?> asked, CodecRegistry registry) {
        Reader r = byClass.get(asked);
        if (r == null) {
            r = find(asked, registry);
            byClass.putIfAbsent(asked, r);
        }
        return r == NONE ? null : r;
    }

    private Reader find(Class<?> asked, CodecRegistry registry) {
        if (defaultReader != null && asked.isAssignableFrom(defaultType(registry))) {
            return defaultReader;
        }
        for (Reader r : readers) {
            if (r.codec().javaType() == asked) {
                return r;
            }
        }
        for (Reader r : readers) {
            if (asked.isAssignableFrom(r.codec().javaType())) {
                return r;
            }
        }
        for (Reader r : readers) {
            if (r.codec().javaType().isAssignableFrom(asked)) {
                return r;
            }
        }
        return NONE;
    }
}
