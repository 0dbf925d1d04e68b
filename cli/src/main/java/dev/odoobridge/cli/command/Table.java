package dev.odoobridge.cli.command;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** An aligned plain-text table: numbers right-aligned, text left-aligned. */
final class Table {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    Table(String... header) {
        this.header = List.of(header);
    }

    Table row(Object... cells) {
        List<String> r = new ArrayList<>(cells.length);
        for (Object c : cells) {
            r.add(Objects.toString(c, ""));
        }
        rows.add(r);
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    void print(PrintWriter out) {
        int[] width = new int[header.size()];
        boolean[] numeric = new boolean[header.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = header.get(i).length();
            numeric[i] = !rows.isEmpty();
        }
        for (List<String> r : rows) {
            for (int i = 0; i < width.length && i < r.size(); i++) {
                width[i] = Math.max(width[i], r.get(i).length());
                numeric[i] &= r.get(i).isEmpty() || r.get(i).matches("-?[0-9][0-9.,]*( ?[a-z%]+)?");
            }
        }
        line(out, header, width, numeric);
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < width.length; i++) {
            rule.append(i == 0 ? "" : "  ").append("-".repeat(width[i]));
        }
        out.println(rule);
        for (List<String> r : rows) {
            line(out, r, width, numeric);
        }
        out.flush();
    }

    private static void line(PrintWriter out, List<String> cells, int[] width, boolean[] numeric) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < width.length; i++) {
            String c = i < cells.size() ? cells.get(i) : "";
            if (i > 0) {
                sb.append("  ");
            }
            String pad = " ".repeat(width[i] - c.length());
            sb.append(numeric[i] ? pad + c : i == width.length - 1 ? c : c + pad);
        }
        out.println(sb.toString().stripTrailing());
    }
}
