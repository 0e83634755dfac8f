// The figures of a run, one row per scenario and one column per client, printed as a Markdown table with ratios to ours.
package org.psycopg.r2dbc.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Collects one figure per (scenario, client) and renders them as a Markdown table. The first column
 * is the reference (this project's driver); every other figure is followed by its ratio to the
 * reference's in the same row: above 1 means a larger figure than ours, which is better for rates
 * and worse for memory. A cell may carry a short note (such as how many statements were really in
 * flight) or a failure. Not thread-safe.
 */
final class ResultTable {

    /** One measured figure, or the reason there is none. */
    record Cell(double value, String note, String failure) {

        static Cell of(double value) {
            return new Cell(value, null, null);
        }

        static Cell of(double value, String note) {
            return new Cell(value, note, null);
        }

        static Cell failed(String failure) {
            return new Cell(Double.NaN, null, failure);
        }
    }

    private record Line(String scenario, String unit, Map<String, Cell> cells) {
    }

    private final List<String> columns;
    private final List<Line> lines = new ArrayList<>();

    /** A table whose first column, {@code reference}, the ratios compare with. */
    ResultTable(String reference, List<String> others) {
        this.columns = new ArrayList<>();
        columns.add(reference);
        columns.addAll(others);
    }

    /** Records a figure, adding the scenario's row on first use. */
    void put(String scenario, String unit, String column, Cell cell) {
        if (!columns.contains(column)) {
            throw new IllegalArgumentException("no column " + column);
        }
        Line line = lines.stream().filter(l -> l.scenario.equals(scenario)).findFirst().orElseGet(() -> {
            Line created = new Line(scenario, unit, new LinkedHashMap<>());
            lines.add(created);
            return created;
        });
        line.cells.put(column, cell);
    }

    /** The table in Markdown, with the failures listed under it. */
    String render() {
        StringBuilder out = new StringBuilder("| scenario | unit |");
        columns.forEach(c -> out.append(' ').append(c).append(" |"));
        out.append("\n|---|---|");
        columns.forEach(c -> out.append("---:|"));
        out.append('\n');
        List<String> failures = new ArrayList<>();
        for (Line line : lines) {
            out.append("| ").append(line.scenario).append(" | ").append(line.unit).append(" |");
            Cell reference = line.cells.get(columns.get(0));
            for (String column : columns) {
                Cell cell = line.cells.get(column);
                out.append(' ').append(render(cell, column.equals(columns.get(0)) ? null : reference)).append(" |");
                if (cell != null && cell.failure() != null) {
                    failures.add(line.scenario + ", " + column + ": " + cell.failure());
                }
            }
            out.append('\n');
        }
        if (!failures.isEmpty()) {
            out.append("\nFailures:\n");
            failures.forEach(f -> out.append("- ").append(f).append('\n'));
        }
        return out.toString();
    }

    private static String render(Cell cell, Cell reference) {
        if (cell == null) {
            return "–";
        }
        if (cell.failure() != null) {
            return "failed";
        }
        StringBuilder text = new StringBuilder(number(cell.value()));
        if (reference != null && reference.failure() == null && reference.value() > 0) {
            text.append(String.format(Locale.ROOT, " (%.2f×)", cell.value() / reference.value()));
        }
        if (cell.note() != null) {
            text.append(" ").append(cell.note());
        }
        return text.toString();
    }

    /** Whole numbers with thousands separators from 100 up; two significant decimals below. */
    static String number(double value) {
        return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%.2f", value);
    }
}
