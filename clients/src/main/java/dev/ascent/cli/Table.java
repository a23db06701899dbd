package dev.ascent.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * An aligned text table for people: a header row, then one row per record. Cells are never cut, except at a
 * terminal whose width is known ($COLUMNS) and too narrow for the table: then the widest columns are cut to fit,
 * each cut cell ends in "…", and a last line says how to see everything (--wide, or a detail command).
 */
final class Table {

    /** A cut column keeps at least this many characters. */
    private static final int MIN_CELL = 12;

    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    Table(String... headers) {
        this.columns = headers.length;
        rows.add(headers);
    }

    Table row(Object... cells) {
        String[] r = new String[columns];
        for (int i = 0; i < columns; i++) {
            r[i] = i < cells.length && cells[i] != null
                    ? cells[i].toString().replaceAll("\\s+", " ").strip()
                    : "";
        }
        rows.add(r);
        return this;
    }

    boolean isEmpty() {
        return rows.size() == 1;
    }

    void print(Cli cli) {
        print(cli.out, cli.columns());
    }

    /** {@code maxWidth} 0: no limit. */
    void print(PrintWriter out, int maxWidth) {
        int[] width = new int[columns];
        for (String[] r : rows) {
            for (int i = 0; i < columns; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        boolean cut = false;
        if (maxWidth > 0) {
            while (total(width) > maxWidth) {
                int widest = 0;
                for (int i = 1; i < columns; i++) {
                    widest = width[i] > width[widest] ? i : widest;
                }
                if (width[widest] <= MIN_CELL) {
                    break;
                }
                width[widest] = Math.max(MIN_CELL, width[widest] - (total(width) - maxWidth));
                cut = true;
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                String cell = r[i].length() > width[i] ? r[i].substring(0, width[i] - 1) + "…" : r[i];
                line.append(cell);
                if (i < columns - 1) {
                    line.append(" ".repeat(width[i] - cell.length() + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
        if (cut) {
            out.println("(cut to fit " + maxWidth + " columns: --wide prints every cell whole)");
        }
        out.flush();
    }

    private int total(int[] width) {
        int sum = 2 * (columns - 1);
        for (int w : width) {
            sum += w;
        }
        return sum;
    }
}
