package io.kgrec.api.cli;

import io.kgrec.api.graph.GraphConnection;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Runs {@code kgrec audience} on a graph the test already has open, and reads its CSV back. */
public final class AudienceExport {
    private AudienceExport() {
    }

    /** The command's CSV for these options (after {@code audience}). */
    public static String run(GraphConnection graph, String... args) {
        AudienceCommand command = new AudienceCommand();
        new CommandLine(command).parseArgs(args);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int code = command.export(graph, out);
        if (code != 0) {
            throw new IllegalStateException("kgrec audience exited with " + code);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks. */
    public static List<List<String>> parse(String csv) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char ch = csv.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (ch == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i++;
            } else {
                field.append(ch);
            }
        }
        if (field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}
