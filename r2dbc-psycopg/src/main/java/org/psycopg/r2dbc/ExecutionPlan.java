// Which statement each binding of a request executes, and which bindings need a Parse.
package org.psycopg.r2dbc;

import java.util.Arrays;
import java.util.List;

/**
 * A binding whose parameter types are the prepared statement's runs it by name; other bindings
 * run the unnamed statement, parsed (and described) again only when their types differ from the
 * binding before. When the request parses the statement itself (not prepared yet, or prepared
 * now), its first binding parses it under its name.
 */
final class ExecutionPlan {

    private final String[] statements;
    private final boolean[] parses;
    private final boolean[] usesPrepared;

    private ExecutionPlan(int size) {
        statements = new String[size];
        parses = new boolean[size];
        usesPrepared = new boolean[size];
    }

    /**
     * @param preparedTypes the parameter types the (named) statement was prepared with
     * @param name          the statement's name, empty while it runs unnamed
     * @param parse         true when this request parses the statement (unnamed, or prepared now)
     */
    static ExecutionPlan of(List<Binding> bindings, int[] preparedTypes, String name, boolean parse) {
        ExecutionPlan plan = new ExecutionPlan(bindings.size());
        int[] previousTypes = null;
        for (int i = 0; i < bindings.size(); i++) {
            int[] types = bindings.get(i).types();
            if (!parse && Arrays.equals(types, preparedTypes)) {
                plan.statements[i] = name;
                plan.usesPrepared[i] = true;
            } else if (previousTypes != null && Arrays.equals(types, previousTypes) && !plan.usesPrepared[i - 1]) {
                plan.statements[i] = plan.statements[i - 1];
            } else {
                plan.statements[i] = i == 0 && parse ? name : "";
                plan.parses[i] = true;
            }
            previousTypes = types;
        }
        return plan;
    }

    String statement(int binding) {
        return statements[binding];
    }

    /** True when the binding's statement is parsed (and so described by the server) right before it. */
    boolean parses(int binding) {
        return parses[binding];
    }

    /** True when the binding runs the statement prepared by an earlier request. */
    boolean usesPrepared(int binding) {
        return usesPrepared[binding];
    }
}
