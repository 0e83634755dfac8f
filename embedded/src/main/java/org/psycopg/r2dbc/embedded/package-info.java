// A throwaway PostgreSQL for the tests and examples of r2dbc-psycopg, and its JUnit 5 extension.
/**
 * A real PostgreSQL server for tests and examples, with nothing to install.
 *
 * <pre>{@code
 * @ExtendWith(PostgresExtension.class)
 * class SomeTest {
 *     @Test
 *     void connects(PostgresServer server) {
 *         ConnectionFactory factory = ConnectionFactories.get(server.r2dbcUrl());
 *         ...
 *     }
 *
 *     @Test
 *     void tlsOnlyRoleNeedsTls(EmbeddedPostgres postgres) {
 *         String url = postgres.r2dbcUrl(AuthRole.TLS) + "?sslmode=verify-full&sslrootcert="
 *                 + postgres.tls().certificateAuthority();
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>{@link org.psycopg.r2dbc.embedded.PostgresServer#shared()} is the server of the JVM: the one
 * that the environment variable {@code PSYCOPG_TEST_URL} names, else the
 * {@link org.psycopg.r2dbc.embedded.EmbeddedPostgres embedded server} started from the
 * {@code io.zonky.test.postgres} binaries (PostgreSQL 17 by default; the system property
 * {@code psycopg.test.postgres.version} picks another binaries jar on the classpath).
 */
package org.psycopg.r2dbc.embedded;
