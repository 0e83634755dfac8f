// What the registry knows of one type OID: its name, its default codec and its codecs by Java class.
package org.psycopg.r2dbc.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The codecs that decode one type OID, most recent first, with the default one and a cache of the
 * codec chosen for each Java class asked for. Built once per registry; the cache fills on use.
 */
final class TypeEntry {

    /** One codec's reading of this type: in which formats. */
    record Reader(Codec<?> codec, boolean text, boolean binary) {
        boolean reads(Format format) {
            return format == Format.BINARY ? binary : text;
        }
    }

    private static final Reader NONE = new Reader(null, false, false);

    final int oid;
    final String name;
    final PgType type;
    /** Readers, most recently added codec first. */
    private final List<Reader> readers = new ArrayList<>();
    Reader defaultReader;
    Class<?> defaultType = String.class;
    Format resultFormat = Format.TEXT;
    private final ConcurrentHashMap<Class<?>, Reader> byClass = new ConcurrentHashMap<>();

    TypeEntry(int oid, PgType type) {
        this.oid = oid;
        this.type = type;
        this.name = type != null ? type.name() : "oid:" + Integer.toUnsignedString(oid);
    }

    /** Adds a codec's decoding; codecs come in precedence order, the last one wins. */
    void add(Codec<?> codec, Decoding decoding) {
        Reader reader = new Reader(codec, decoding.reads(Format.TEXT), decoding.reads(Format.BINARY));
        readers.removeIf(r -> r.codec() == codec);
        readers.add(0, reader);
        if (decoding.isDefault()) {
            defaultReader = reader;
            defaultType = codec.javaType();
            resultFormat = reader.binary() ? Format.BINARY : Format.TEXT;
        }
    }

    /**
     * The reader for an asked class (not Object): the default codec when its Java type fits, else
     * the latest codec of exactly that class, else the latest codec whose class fits, else the
     * latest codec of a family the class belongs to (an enum class for the enum codec); null if none.
     */
    Reader readerFor(Class<?> asked) {
        Reader r = byClass.get(asked);
        if (r == null) {
            r = find(asked);
            byClass.putIfAbsent(asked, r);
        }
        return r == NONE ? null : r;
    }

    private Reader find(Class<?> asked) {
        if (defaultReader != null && asked.isAssignableFrom(defaultType)) {
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
