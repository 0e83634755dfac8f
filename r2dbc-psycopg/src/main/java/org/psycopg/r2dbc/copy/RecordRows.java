// Java records as COPY rows: their components as values, and built back from values.
package org.psycopg.r2dbc.copy;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * A record class seen as a row: its components, in declaration order, are the columns. Reflection
 * is looked up once per class. Thread-safe.
 */
final class RecordRows {

    private static final ClassValue<RecordRows> SHAPES = new ClassValue<>() {
        @Override
        protected RecordRows computeValue(Class<?> type) {
            return new RecordRows(type);
        }
    };

    private final Method[] accessors;
    private final Class<?>[] types;
    private final Constructor<?> constructor;

    private RecordRows(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        accessors = new Method[components.length];
        types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            accessors[i] = components[i].getAccessor();
            accessors[i].setAccessible(true);
            types[i] = components[i].getType();
        }
        try {
            constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("record " + type.getName() + " has no canonical constructor", e);
        }
    }

    /** The shape of record class {@code type}. */
    static RecordRows of(Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getName() + " is not a record");
        }
        return SHAPES.get(type);
    }

    /**
     * A row's values: an {@code Object[]} as it is, a {@code List} as an array, a record's components.
     *
     * @throws IllegalArgumentException for any other object
     */
    static Object[] values(Object row) {
        if (row instanceof Object[] values) {
            return values;
        }
        if (row instanceof Record record) {
            return of(record.getClass()).components(record);
        }
        if (row instanceof List<?> list) {
            return list.toArray();
        }
        throw new IllegalArgumentException("a COPY row is an Object[], a List or a record, not a "
                + (row == null ? "null" : row.getClass().getName()));
    }

    /** The component classes, the columns' Java classes. */
    Class<?>[] types() {
        return types.clone();
    }

    /** A new record of this class with {@code values} as its components. */
    Object build(Object[] values) {
        try {
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("record " + constructor.getDeclaringClass().getName() + " refused the row: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot build record " + constructor.getDeclaringClass().getName()
                    + " from the row: " + e.getMessage(), e);
        }
    }

    private Object[] components(Record record) {
        Object[] values = new Object[accessors.length];
        try {
            for (int i = 0; i < accessors.length; i++) {
                values[i] = accessors[i].invoke(record);
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("record accessor failed: " + e.getCause().getMessage(), e.getCause());
        }
        return values;
    }
}
