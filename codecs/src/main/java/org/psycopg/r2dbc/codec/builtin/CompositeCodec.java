// Composite types and anonymous records (rowtypes.c record_send/record_recv, record_out/record_in).
package org.psycopg.r2dbc.codec.builtin;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.psycopg.r2dbc.codec.Codec;
import org.psycopg.r2dbc.codec.CodecRegistry;
import org.psycopg.r2dbc.codec.Decoding;
import org.psycopg.r2dbc.codec.Format;
import org.psycopg.r2dbc.codec.Oids;
import org.psycopg.r2dbc.codec.PgType;
import org.psycopg.r2dbc.codec.ValueWriter;

/**
 * Composite values. Binary: an int32 field count, then per field its type OID, an int32 length (-1
 * for NULL) and the value; text: {@link RecordText}, each field typed by the composite's
 * attributes (an anonymous record's text fields read as {@code String}).
 *
 * <p>The built-in instance reads every composite type and {@code record}: by default as
 * {@code Object[]} of the fields' default classes; asked for a Java record class, into its canonical
 * constructor, field by field in order, each read as the component's class; asked for a
 * {@code Map}, attribute names to values; asked for {@code List}, the values; asked for
 * {@code String}, the text. It binds any Java record as an untyped composite text, so that the
 * server casts it to the column's type.
 *
 * <p>An instance for one type name and record class ({@code CompositeCodec.named}) makes that class
 * the type's default Java type and binds it typed as that composite.
 */
final class CompositeCodec<T> implements Codec<T> {

    private static final ClassValue<RecordShape> SHAPES = new ClassValue<>() {
        @Override
        protected RecordShape computeValue(Class<?> type) {
            return new RecordShape(type);
        }
    };

    private final Class<T> type;
    private final String typeName;

    private CompositeCodec(Class<T> type, String typeName) {
        this.type = type;
        this.typeName = typeName;
    }

    /** The built-in codec of every composite type. */
    static CompositeCodec<Object> generic() {
        return new CompositeCodec<>(Object.class, null);
    }

    /** A codec reading and binding the composite type {@code typeName} as the record class {@code type}. */
    static <R extends Record> CompositeCodec<R> named(String typeName, Class<R> type) {
        return new CompositeCodec<>(type, typeName);
    }

    @Override
    public Class<T> javaType() {
        return type;
    }

    @Override
    public List<Decoding> decodings() {
        if (typeName != null) {
            return List.of(Decoding.defaultForName(typeName));
        }
        return List.of(Decoding.defaultForKind(PgType.Kind.COMPOSITE), Decoding.defaultFor(Oids.RECORD));
    }

    @Override
    public Class<?> defaultJavaType(int oid, CodecRegistry registry) {
        return typeName != null ? type : Object[].class;
    }

    @Override
    public T decode(int oid, Format format, ByteBuffer bytes, Class<?> asked, CodecRegistry registry) {
        Class<?> target = typeName != null ? type : asked;
        PgType composite = registry.type(oid);
        List<PgType.Attribute> attributes = composite == null ? List.of() : composite.attributes();
        Fields fields = format == Format.BINARY ? Fields.binary(bytes) : Fields.text(Bytes.utf8(bytes), attributes);
        Object value;
        if (target == String.class) {
            value = format == Format.TEXT ? Bytes.utf8(bytes) : RecordText.format(fields.texts(registry));
        } else if (target == Object.class || target == Object[].class) {
            value = fields.values(Object.class, registry);
        } else if (target.isRecord()) {
            value = SHAPES.get(target).create(fields, registry);
        } else if (target.isAssignableFrom(LinkedHashMap.class)) {
            Object[] values = fields.values(Object.class, registry);
            Map<String, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < values.length; i++) {
                map.put(i < attributes.size() ? attributes.get(i).name() : "f" + (i + 1), values[i]);
            }
            value = map;
        } else if (target.isAssignableFrom(ArrayList.class)) {
            value = new ArrayList<>(Arrays.asList(fields.values(Object.class, registry)));
        } else {
            throw new IllegalArgumentException("A composite cannot be read as " + target.getName());
        }
        @SuppressWarnings("unchecked")
        T result = (T) value;
        return result;
    }

    @Override
    public List<Class<?>> encodedClasses() {
        return List.of(typeName != null ? type : Record.class);
    }

    @Override
    public int typeOid(Class<?> valueClass, CodecRegistry registry) {
        PgType composite = typeName == null ? null : registry.type(typeName);
        return composite == null ? Oids.UNSPECIFIED : composite.oid();
    }

    @Override
    public Format encodeFormat(T value, CodecRegistry registry) {
        return Format.TEXT;
    }

    @Override
    public void encode(T value, ValueWriter out, CodecRegistry registry) {
        out.writeUtf8(text(value, registry));
    }

    @Override
    public String text(T value, CodecRegistry registry) {
        List<String> texts = new ArrayList<>();
        for (Object v : SHAPES.get(value.getClass()).components(value)) {
            texts.add(v == null ? null : registry.encoder(v.getClass()).text(v));
        }
        return RecordText.format(texts);
    }

    /** A composite's fields, still undecoded. */
    private static final class Fields {
        int[] oids;
        ByteBuffer view;
        int[] offsets;
        int[] lengths;
        List<String> texts;

        static Fields binary(ByteBuffer b) {
            Fields f = new Fields();
            int at = b.position();
            int count = b.getInt(at);
            at += 4;
            if (count < 0 || count > (b.limit() - at) / 8) {
                throw new IllegalArgumentException("Invalid binary record of " + count + " fields");
            }
            f.oids = new int[count];
            f.offsets = new int[count];
            f.lengths = new int[count];
            for (int i = 0; i < count; i++) {
                f.oids[i] = b.getInt(at);
                f.lengths[i] = b.getInt(at + 4);
                f.offsets[i] = at + 8;
                at += 8 + Math.max(0, f.lengths[i]);
                if (at > b.limit()) {
                    throw new IllegalArgumentException("Record field past the end of the value");
                }
            }
            f.view = b.duplicate();
            return f;
        }

        static Fields text(String text, List<PgType.Attribute> attributes) {
            Fields f = new Fields();
            f.texts = RecordText.parse(text);
            f.oids = new int[f.texts.size()];
            for (int i = 0; i < f.oids.length; i++) {
                f.oids[i] = i < attributes.size() ? attributes.get(i).oid() : Oids.UNKNOWN;
            }
            return f;
        }

        int count() {
            return oids.length;
        }

        Object get(int i, Class<?> type, CodecRegistry registry) {
            if (texts != null) {
                String text = texts.get(i);
                return text == null ? null
                        : registry.decode(oids[i], Format.TEXT, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), type);
            }
            if (lengths[i] < 0) {
                return null;
            }
            view.limit(view.capacity()).position(offsets[i]);
            view.limit(offsets[i] + lengths[i]);
            return registry.decode(oids[i], Format.BINARY, view, type);
        }

        List<String> texts(CodecRegistry registry) {
            List<String> texts = new ArrayList<>(count());
            for (int i = 0; i < count(); i++) {
                texts.add((String) get(i, String.class, registry));
            }
            return texts;
        }

        Object[] values(Class<?> type, CodecRegistry registry) {
            Object[] values = new Object[count()];
            for (int i = 0; i < values.length; i++) {
                values[i] = get(i, type, registry);
            }
            return values;
        }
    }

    /** A record class's component accessors and canonical constructor. */
    private static final class RecordShape {
        private final Class<?> type;
        private final Class<?>[] componentTypes;
        private final Method[] accessors;
        private final Constructor<?> constructor;

        RecordShape(Class<?> type) {
            this.type = type;
            RecordComponent[] components = type.getRecordComponents();
            componentTypes = new Class<?>[components.length];
            accessors = new Method[components.length];
            try {
                for (int i = 0; i < components.length; i++) {
                    componentTypes[i] = components[i].getType();
                    accessors[i] = components[i].getAccessor();
                    accessors[i].setAccessible(true);
                }
                constructor = type.getDeclaredConstructor(componentTypes);
                constructor.setAccessible(true);
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new IllegalArgumentException("Cannot use record " + type.getName() + " as a composite", e);
            }
        }

        Object[] components(Object record) {
            Object[] values = new Object[accessors.length];
            try {
                for (int i = 0; i < values.length; i++) {
                    values[i] = accessors[i].invoke(record);
                }
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalArgumentException("Cannot read the components of " + type.getName(), e);
            }
            return values;
        }

        Object create(Fields fields, CodecRegistry registry) {
            if (fields.count() != componentTypes.length) {
                throw new IllegalArgumentException("A composite of " + fields.count() + " fields cannot be read as "
                        + type.getName() + " of " + componentTypes.length + " components");
            }
            Object[] args = new Object[componentTypes.length];
            for (int i = 0; i < args.length; i++) {
                args[i] = fields.get(i, componentTypes[i], registry);
                if (args[i] == null && componentTypes[i].isPrimitive()) {
                    throw new IllegalArgumentException("A NULL field cannot be read into primitive component "
                            + i + " of " + type.getName());
                }
            }
            try {
                return constructor.newInstance(args);
            } catch (InvocationTargetException e) {
                throw new IllegalArgumentException("Record " + type.getName() + " refused the composite's values", e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("Cannot construct record " + type.getName(), e);
            }
        }
    }
}
