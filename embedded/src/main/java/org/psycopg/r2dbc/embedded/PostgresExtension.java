// The JUnit 5 extension that hands the JVM's PostgreSQL server to test classes.
package org.psycopg.r2dbc.embedded;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Optional;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * {@code @ExtendWith(PostgresExtension.class)}: starts {@link PostgresServer#shared()} before the
 * class's tests (once per JVM, whatever the number of classes) and injects it into constructor and
 * method parameters and into non-final fields (static ones before all tests, instance ones into each
 * test instance) whose declared type is {@link PostgresServer} or {@link EmbeddedPostgres}.
 *
 * <p>A test that declares {@link PostgresServer} runs against an external server too; one that
 * declares {@link EmbeddedPostgres} fails with a clear message when {@value PostgresServer#URL_VARIABLE}
 * names an external server (use {@link PostgresServer#embedded()} with an assumption to skip instead).
 */
public final class PostgresExtension implements BeforeAllCallback, TestInstancePostProcessor, ParameterResolver {

    @Override
    public void beforeAll(ExtensionContext context) throws IllegalAccessException {
        PostgresServer.shared(); // a server that cannot start fails the class here, before any test
        inject(context.getRequiredTestClass(), null);
    }

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) throws IllegalAccessException {
        inject(testInstance.getClass(), testInstance);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return isServerType(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return server(type).orElseThrow(() -> new ParameterResolutionException(notEmbedded(parameter.toString())));
    }

    /** Sets the static fields ({@code instance} null) or the instance fields of {@code type} and its superclasses. */
    private static void inject(Class<?> type, Object instance) throws IllegalAccessException {
        for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
            for (Field field : current.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) != (instance == null) || Modifier.isFinal(modifiers)
                        || !isServerType(field.getType())) {
                    continue;
                }
                Object server = server(field.getType())
                        .orElseThrow(() -> new ExtensionConfigurationException(notEmbedded("field " + field)));
                field.setAccessible(true);
                field.set(instance, server);
            }
        }
    }

    private static boolean isServerType(Class<?> type) {
        return type == PostgresServer.class || type == EmbeddedPostgres.class;
    }

    private static Optional<?> server(Class<?> type) {
        PostgresServer server = PostgresServer.shared();
        return type == EmbeddedPostgres.class ? server.embedded() : Optional.of(server);
    }

    private static String notEmbedded(String target) {
        return target + " needs the embedded PostgreSQL server, but " + PostgresServer.URL_VARIABLE
                + " names an external server";
    }
}
