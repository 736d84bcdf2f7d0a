package io.kgrec.api.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** How {@code kgrec query} prints rows: an aligned table for people, CSV for spreadsheets, JSON for programs. */
enum ResultFormat {
    /** Columns padded to their widest cell; null is shown as an empty cell. */
    table {
        @Override
        void write(QueryRows rows, PrintStream out) {
            List<String[]> lines = new ArrayList<>();
            lines.add(rows.columns().toArray(String[]::new));
            for (List<Object> row : rows.rows()) {
                lines.add(row.stream().map(CypherValues::text).map(s -> s.replace('\n', ' ')).toArray(String[]::new));
            }
            int[] width = new int[rows.columns().size()];
            for (String[] line : lines) {
                for (int c = 0; c < line.length; c++) {
                    width[c] = Math.max(width[c], line[c].length());
                }
            }
            String[] rule = new String[width.length];
            for (int c = 0; c < width.length; c++) {
                rule[c] = "-".repeat(width[c]);
            }
            lines.add(1, rule);
            for (String[] line : lines) {
                StringBuilder s = new StringBuilder();
                for (int c = 0; c < line.length; c++) {
                    s.append(c == 0 ? "" : "  ").append(c == line.length - 1 ? line[c]
                            : String.format("%-" + width[c] + "s", line[c]));
                }
                out.println(s.toString().stripTrailing());
            }
            out.println("(" + rows.rows().size() + (rows.rows().size() == 1 ? " row)" : " rows)"));
        }
    },
    /** RFC 4180: a header line, fields quoted when they hold a comma, quote or line break; null is empty. */
    csv {
        @Override
        void write(QueryRows rows, PrintStream out) {
            out.print(line(new ArrayList<>(rows.columns())));
            for (List<Object> row : rows.rows()) {
                out.print(line(row.stream().map(CypherValues::text).toList()));
            }
        }

        private String line(List<String> fields) {
            List<String> quoted = new ArrayList<>();
            for (String f : fields) {
                boolean quote = f.contains(",") || f.contains("\"") || f.contains("\n") || f.contains("\r");
                quoted.add(quote ? '"' + f.replace("\"", "\"\"") + '"' : f);
            }
            return String.join(",", quoted) + "\r\n";
        }
    },
    /** A JSON array with one object per row, one row per line, keys in column order. */
    json {
        private static final JsonMapper JSON = JsonMapper.builder().build();

        @Override
        void write(QueryRows rows, PrintStream out) {
            out.println("[");
            for (int r = 0; r < rows.rows().size(); r++) {
                Map<String, Object> object = new LinkedHashMap<>();
                for (int c = 0; c < rows.columns().size(); c++) {
                    object.put(rows.columns().get(c), CypherValues.plain(rows.rows().get(r).get(c)));
                }
                out.println(JSON.writeValueAsString(object) + (r < rows.rows().size() - 1 ? "," : ""));
            }
            out.println("]");
        }
    };

    abstract void write(QueryRows rows, PrintStream out);

    /** A query's column names and rows of values as the driver's {@code asObject()} gives them. */
    record QueryRows(List<String> columns, List<List<Object>> rows) {
    }
}
