// Which statement each binding of a request executes, and which bindings need a Parse.
package org.psycopg.r2dbc;

import java.util.Arrays;
import java.util.List;
import org.psycopg.r2dbc.protocol.backend.RowDescription;

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
    private final RowDescription[] preparedDescriptions;

    private ExecutionPlan(int size) {
        statements = new String[size];
        parses = new boolean[size];
        usesPrepared = new boolean[size];
        preparedDescriptions = new RowDescription[size];
    }

    /**
     * @param preparedTypes the parameter types the (named) statement was prepared with
     * @param name          the statement's name, empty while it runs unnamed
     * @param parse         true when this request parses the statement (unnamed, or prepared now)
     * @param prepared      the prepared statement's description, null when it returns no rows or is not prepared
     */
    static ExecutionPlan of(List<Binding> bindings, int[] preparedTypes, String name, boolean parse, RowDescription prepared) {
        ExecutionPlan plan = new ExecutionPlan(bindings.size());
        int[] previousTypes = null;
        for (int i = 0; i < bindings.size(); i++) {
            int[] types = bindings.get(i).types();
            if (!parse && Arrays.equals(types, preparedTypes)) {
                plan.statements[i] = name;
                plan.usesPrepared[i] = true;
                plan.preparedDescriptions[i] = prepared;
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

    /** The plans of the statements of one request, one after the other, as one plan. */
    static ExecutionPlan concat(List<ExecutionPlan> plans) {
        if (plans.size() == 1) {
            return plans.get(0);
        }
        ExecutionPlan all = new ExecutionPlan(plans.stream().mapToInt(plan -> plan.statements.length).sum());
        int at = 0;
        for (ExecutionPlan plan : plans) {
            int size = plan.statements.length;
            System.arraycopy(plan.statements, 0, all.statements, at, size);
            System.arraycopy(plan.parses, 0, all.parses, at, size);
            System.arraycopy(plan.usesPrepared, 0, all.usesPrepared, at, size);
            System.arraycopy(plan.preparedDescriptions, 0, all.preparedDescriptions, at, size);
            at += size;
        }
        return all;
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

    /** The description of the prepared statement the binding runs; null when it returns no rows. */
    RowDescription preparedDescription(int binding) {
        return preparedDescriptions[binding];
    }
}
