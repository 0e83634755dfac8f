// Arrays of every type (arrayfuncs.c array_send/array_recv, array_out/array_in), read and bound.
package org.psycopg.r2dbc.codec.builtin;

import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.psycopg.r2dbc.codec.ByteArrayValueWriter;
import org.psycopg.r2dbc.codec.Codec;
import org.psycopg.r2dbc.codec.CodecRegistry;
import org.psycopg.r2dbc.codec.Decoding;
import org.psycopg.r2dbc.codec.Format;
import org.psycopg.r2dbc.codec.Oids;
import org.psycopg.r2dbc.codec.ParameterEncoder;
import org.psycopg.r2dbc.codec.PgArray;
import org.psycopg.r2dbc.codec.PgType;
import org.psycopg.r2dbc.codec.ValueWriter;

/**
 * Every array type, its elements read and bound through the registry's element codecs.
 *
 * <p>Reading: by default a Java array of the element type's default class with one level per
 * dimension ({@code Integer[]} for int4[], {@code Integer[][]} for a 2-dimensional one, an empty
 * one-dimensional array for {@code '{}'}); asked for a Java array class of matching depth, its
 * elements read as that class (a primitive array refuses NULL elements); asked for a {@code List}
 * (or {@code Collection}), nested lists; asked for {@link PgArray}, everything including lower bounds;
 * asked for {@code String}, the array's text.
 *
 * <p>Binding: Java arrays (of objects or primitives, nested for more dimensions, {@code byte[]}
 * being a bytea element), collections and {@link PgArray}. The first non-null element's encoder
 * gives the element type: when it binds in binary with a known array type, the array goes in
 * binary as that array type; otherwise (Strings, enums: untyped elements) as untyped text, so the
 * server gives it the array type the statement needs. Elements must all bind as the same type;
 * sub-arrays must have matching lengths.
 */
final class ArrayCodec implements Codec<Object> {

    private static final List<Decoding> DECODINGS = List.of(
            Decoding.defaultForKind(PgType.Kind.ARRAY));
    private static final int MAX_DIMENSIONS = 6;

    @Override
    public Class<Object> javaType() {
        return Object.class;
    }

    @Override
    public List<Decoding> decodings() {
        return DECODINGS;
    }

    @Override
    public Class<?> defaultJavaType(int oid, CodecRegistry registry) {
        return registry.javaType(elementOid(oid, registry)).arrayType();
    }

    private static int elementOid(int oid, CodecRegistry registry) {
        PgType type = registry.type(oid);
        return type == null ? 0 : type.baseOid();
    }

    static char delimiter(int elementOid) {
        return elementOid == Oids.BOX ? ';' : ',';
    }

    @Override
    public Object decode(int oid, Format format, ByteBuffer bytes, Class<?> asked, CodecRegistry registry) {
        if (asked == String.class && format == Format.TEXT) {
            return Bytes.utf8(bytes);
        }
        Elements e = format == Format.BINARY ? Elements.binary(bytes) : Elements.text(oid, bytes, registry);
        if (asked == String.class) {
            List<String> texts = new ArrayList<>(e.count());
            for (int i = 0; i < e.count(); i++) {
                texts.add((String) e.get(i, String.class, registry));
            }
            return ArrayText.format(e.dims, e.lowerBounds, texts, delimiter(e.elementOid));
        }
        if (asked == PgArray.class) {
            List<Object> values = new ArrayList<>(e.count());
            for (int i = 0; i < e.count(); i++) {
                values.add(e.get(i, Object.class, registry));
            }
            return new PgArray(e.elementOid, toList(e.dims), toList(e.lowerBounds), values);
        }
        if (asked == Object.class || asked == Object[].class) {
            return javaArray(e, registry.javaType(e.elementOid), registry);
        }
        if (asked.isArray()) {
            Class<?> leaf = asked;
            int depth = 0;
            while (leaf.isArray()) {
                leaf = leaf.getComponentType();
                depth++;
            }
            if (depth != e.dims.length && e.count() > 0) {
                throw new IllegalArgumentException("A " + e.dims.length + "-dimensional array cannot be read as "
                        + asked.getSimpleName());
            }
            return e.count() == 0 ? Array.newInstance(asked.getComponentType(), 0) : javaArray(e, leaf, registry);
        }
        if (asked.isAssignableFrom(ArrayList.class)) {
            return e.count() == 0 ? new ArrayList<>() : list(e, 0, new int[1], registry);
        }
        throw new IllegalArgumentException("An array cannot be read as " + asked.getName());
    }

    private static List<Integer> toList(int[] values) {
        List<Integer> list = new ArrayList<>(values.length);
        for (int v : values) {
            list.add(v);
        }
        return list;
    }

    private static Object javaArray(Elements e, Class<?> leaf, CodecRegistry registry) {
        if (e.count() == 0) {
            return Array.newInstance(leaf, 0);
        }
        return javaLevel(e, 0, leaf, new int[1], registry);
    }

    private static Object javaLevel(Elements e, int depth, Class<?> leaf, int[] next, CodecRegistry registry) {
        Class<?> component = leaf;
        for (int i = depth + 1; i < e.dims.length; i++) {
            component = component.arrayType();
        }
        Object array = Array.newInstance(component, e.dims[depth]);
        for (int i = 0; i < e.dims[depth]; i++) {
            if (depth + 1 < e.dims.length) {
                Array.set(array, i, javaLevel(e, depth + 1, leaf, next, registry));
            } else {
                Object v = e.get(next[0]++, leaf, registry);
                if (v == null && leaf.isPrimitive()) {
                    throw new IllegalArgumentException("A NULL element cannot be read into a " + leaf.getName() + " array");
                }
                Array.set(array, i, v);
            }
        }
        return array;
    }

    private static List<Object> list(Elements e, int depth, int[] next, CodecRegistry registry) {
        List<Object> list = new ArrayList<>(e.dims[depth]);
        for (int i = 0; i < e.dims[depth]; i++) {
            list.add(depth + 1 < e.dims.length ? list(e, depth + 1, next, registry) : e.get(next[0]++, Object.class, registry));
        }
        return list;
    }

    /** An array's shape and its elements, still undecoded. */
    private static final class Elements {
        int elementOid;
        int[] dims;
        int[] lowerBounds;
        ByteBuffer view;
        int[] offsets;
        int[] lengths;
        List<String> texts;

        int count() {
            return offsets != null ? offsets.length : texts.size();
        }

        /** array_recv's layout: ndim, has-nulls flag, element OID, (length, lower bound) per dimension, then length-prefixed elements. */
        static Elements binary(ByteBuffer b) {
            Elements e = new Elements();
            int at = b.position();
            int ndim = b.getInt(at);
            if (ndim < 0 || ndim > MAX_DIMENSIONS) {
                throw new IllegalArgumentException("Invalid number of array dimensions: " + ndim);
            }
            e.elementOid = b.getInt(at + 8);
            at += 12;
            e.dims = new int[ndim];
            e.lowerBounds = new int[ndim];
            long count = ndim == 0 ? 0 : 1;
            for (int i = 0; i < ndim; i++) {
                e.dims[i] = b.getInt(at);
                e.lowerBounds[i] = b.getInt(at + 4);
                at += 8;
                count *= e.dims[i];
            }
            if (count > (b.limit() - at) / 4) {
                throw new IllegalArgumentException("Array of " + count + " elements longer than its bytes");
            }
            e.offsets = new int[(int) count];
            e.lengths = new int[(int) count];
            for (int i = 0; i < count; i++) {
                int length = b.getInt(at);
                at += 4;
                e.offsets[i] = at;
                e.lengths[i] = length;
                if (length > 0) {
                    at += length;
                }
                if (at > b.limit()) {
                    throw new IllegalArgumentException("Array element past the end of the value");
                }
            }
            if (count == 0) {
                e.dims = new int[0];
                e.lowerBounds = new int[0];
            }
            e.view = b.duplicate();
            return e;
        }

        static Elements text(int oid, ByteBuffer b, CodecRegistry registry) {
            Elements e = new Elements();
            e.elementOid = elementOid(oid, registry);
            ArrayText.Parsed parsed = ArrayText.parse(Bytes.utf8(b), delimiter(e.elementOid));
            e.dims = parsed.dimensions();
            e.lowerBounds = parsed.lowerBounds();
            e.texts = parsed.elements();
            return e;
        }

        Object get(int i, Class<?> type, CodecRegistry registry) {
            if (offsets != null) {
                if (lengths[i] < 0) {
                    return null;
                }
                view.limit(view.capacity()).position(offsets[i]);
                view.limit(offsets[i] + lengths[i]);
                return registry.decode(elementOid, Format.BINARY, view, type);
            }
            String text = texts.get(i);
            if (text == null) {
                return null;
            }
            return registry.decode(elementOid, Format.TEXT, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), type);
        }
    }

    @Override
    public List<Class<?>> encodedClasses() {
        return List.of(Object[].class, int[].class, long[].class, short[].class, float[].class, double[].class,
                boolean[].class, Collection.class, PgArray.class);
    }

    @Override
    public int typeOid(Class<?> valueClass, CodecRegistry registry) {
        Class<?> leaf = valueClass;
        while (leaf.isArray() && leaf != byte[].class) {
            leaf = leaf.getComponentType();
        }
        if (leaf == valueClass || leaf == Object.class) {
            return Oids.UNSPECIFIED;
        }
        return arrayOid(registry.nullOid(leaf), registry);
    }

    private static int arrayOid(int elementOid, CodecRegistry registry) {
        PgType element = elementOid == 0 ? null : registry.type(elementOid);
        return element == null ? Oids.UNSPECIFIED : element.arrayOid();
    }

    @Override
    public int encodeOid(Object value, CodecRegistry registry) {
        if (value instanceof PgArray && ((PgArray) value).elementOid() != 0) {
            return arrayOid(((PgArray) value).elementOid(), registry);
        }
        Object leaf = firstLeaf(value);
        if (leaf == null) {
            return typeOid(value.getClass(), registry);
        }
        return arrayOid(registry.encoder(leaf.getClass()).oid(leaf), registry);
    }

    @Override
    public Format encodeFormat(Object value, CodecRegistry registry) {
        if (encodeOid(value, registry) == Oids.UNSPECIFIED) {
            return Format.TEXT;
        }
        Object leaf = firstLeaf(value);
        return leaf == null ? Format.BINARY : registry.encoder(leaf.getClass()).format(leaf);
    }

    @Override
    public void encode(Object value, ValueWriter out, CodecRegistry registry) {
        Flat flat = Flat.of(value);
        int arrayOid = encodeOid(value, registry);
        PgType arrayType = arrayOid == 0 ? null : registry.type(arrayOid);
        int elementOid = arrayType == null ? 0 : arrayType.baseOid();
        if (encodeFormat(value, registry) == Format.TEXT) {
            out.writeUtf8(text(flat, elementOid, registry));
            return;
        }
        boolean hasNulls = flat.leaves.contains(null);
        out.writeInt(flat.dims.length);
        out.writeInt(hasNulls ? 1 : 0);
        out.writeInt(elementOid);
        for (int i = 0; i < flat.dims.length; i++) {
            out.writeInt(flat.dims[i]);
            out.writeInt(flat.lowerBounds[i]);
        }
        ByteArrayValueWriter element = new ByteArrayValueWriter();
        for (Object leaf : flat.leaves) {
            if (leaf == null) {
                out.writeInt(-1);
                continue;
            }
            ParameterEncoder encoder = registry.encoder(leaf.getClass());
            if (encoder.oid(leaf) != elementOid || encoder.format(leaf) != Format.BINARY) {
                throw new IllegalArgumentException("Array elements bind as different types: " + leaf.getClass().getName()
                        + " is not " + registry.typeName(elementOid));
            }
            element.reset();
            encoder.encode(leaf, element);
            out.writeInt(element.size());
            element.writeTo(out);
        }
    }

    @Override
    public String text(Object value, CodecRegistry registry) {
        PgType arrayType = registry.type(encodeOid(value, registry));
        return text(Flat.of(value), arrayType == null ? 0 : arrayType.baseOid(), registry);
    }

    private static String text(Flat flat, int elementOid, CodecRegistry registry) {
        List<String> texts = new ArrayList<>(flat.leaves.size());
        for (Object leaf : flat.leaves) {
            texts.add(leaf == null ? null : registry.encoder(leaf.getClass()).text(leaf));
        }
        return ArrayText.format(flat.dims, flat.lowerBounds, texts, delimiter(elementOid));
    }

    /** The first non-null element, looking through nested levels; null when there is none. */
    private static Object firstLeaf(Object value) {
        if (value instanceof PgArray) {
            for (Object e : ((PgArray) value).elements()) {
                if (e != null) {
                    return e;
                }
            }
            return null;
        }
        if (!isNested(value)) {
            return value;
        }
        for (Object child : children(value)) {
            Object leaf = firstLeaf(child);
            if (leaf != null) {
                return leaf;
            }
        }
        return null;
    }

    private static boolean isNested(Object node) {
        return node instanceof Collection || node != null && node.getClass().isArray() && node.getClass() != byte[].class;
    }

    private static List<Object> children(Object node) {
        if (node instanceof Collection) {
            return new ArrayList<>((Collection<?>) node);
        }
        int n = Array.getLength(node);
        List<Object> children = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            children.add(Array.get(node, i));
        }
        return children;
    }

    /** A value to bind as dimensions, lower bounds and elements in row-major order. */
    private static final class Flat {
        int[] dims;
        int[] lowerBounds;
        final List<Object> leaves = new ArrayList<>();
        private final List<Integer> lengths = new ArrayList<>();
        private int leafDepth = -1;

        static Flat of(Object value) {
            Flat f = new Flat();
            if (value instanceof PgArray) {
                PgArray a = (PgArray) value;
                f.dims = a.dimensions().stream().mapToInt(Integer::intValue).toArray();
                f.lowerBounds = a.lowerBounds().stream().mapToInt(Integer::intValue).toArray();
                f.leaves.addAll(a.elements());
                return f;
            }
            f.collect(value, 0);
            if (f.leaves.isEmpty()) {
                f.dims = new int[0];
                f.lowerBounds = new int[0];
                return f;
            }
            if (f.lengths.size() > MAX_DIMENSIONS) {
                throw new IllegalArgumentException("PostgreSQL arrays have at most " + MAX_DIMENSIONS + " dimensions");
            }
            f.dims = f.lengths.stream().mapToInt(Integer::intValue).toArray();
            f.lowerBounds = new int[f.dims.length];
            Arrays.fill(f.lowerBounds, 1);
            return f;
        }

        private void collect(Object node, int depth) {
            if (depth == 0 || isNested(node) && (leafDepth < 0 || depth < leafDepth)) {
                List<Object> children = children(node);
                if (lengths.size() == depth) {
                    lengths.add(children.size());
                } else if (lengths.get(depth) != children.size()) {
                    throw new IllegalArgumentException("Multidimensional arrays must have sub-arrays of matching lengths");
                }
                for (Object child : children) {
                    collect(child, depth + 1);
                }
                return;
            }
            if (leafDepth < 0) {
                leafDepth = depth;
            } else if (depth != leafDepth || isNested(node)) {
                throw new IllegalArgumentException("Multidimensional arrays must have sub-arrays of matching lengths");
            }
            leaves.add(node);
        }
    }
}
