// Several SQL statements without parameters, sent as one simple query.
package org.psycopg.r2dbc;

import io.r2dbc.spi.Batch;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;

/** The statements run in one round trip and give one result each, in order. */
public final class PsycopgBatch implements Batch {

    private final PsycopgConnection connection;
    private final List<String> statements = new ArrayList<>();

    PsycopgBatch(PsycopgConnection connection) {
        this.connection = connection;
    }

    @Override
    public PsycopgBatch add(String sql) {
        if (sql == null) {
            throw new IllegalArgumentException("sql must not be null");
        }
        statements.add(sql);
        return this;
    }

    @Override
    public Flux<PsycopgResult> execute() {
        if (statements.isEmpty()) {
            return Flux.error(new IllegalStateException("The batch has no statements"));
        }
        return connection.runSimple(String.join("; ", statements), statements.size());
    }
}
