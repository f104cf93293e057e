package org.tcc.stack.drill;

import java.util.ArrayList;
import java.util.List;

/** The drill's findings: one row per check, printed as a Markdown table. */
final class Tally {

    /** One check: what was expected, what was found, how many effects were lost and how many duplicated. */
    record Row(String check, long expected, long found, long lost, long duplicated, String note) {
        boolean ok() {
            return lost == 0 && duplicated == 0;
        }
    }

    private final List<Row> rows = new ArrayList<>();

    void add(String check, long expected, long found, long lost, long duplicated, String note) {
        rows.add(new Row(check, expected, found, lost, duplicated, note));
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    boolean allOk() {
        return rows.stream().allMatch(Row::ok);
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("| check | expected | found | lost | duplicated | verdict | note |\n");
        out.append("|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            out.append(String.format("| %s | %d | %d | %d | %d | %s | %s |%n", r.check(), r.expected(), r.found(),
                    r.lost(), r.duplicated(), r.ok() ? "ok" : "**FAIL**", r.note() == null ? "" : r.note()));
        }
        return out.toString();
    }
}
