package com.alphaquant.bench.model;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Two aligned columns, measure and figure, printed once everything has run. */
public final class Table {

    private final List<String[]> rows = new ArrayList<>();

    public void row(String measure, String format, Object... values) {
        rows.add(new String[] {measure, String.format(format, values)});
    }

    public void print(PrintStream out) {
        int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
        for (String[] r : rows) {
            out.printf("%-" + width + "s  %s%n", r[0], r[1]);
        }
    }
}
