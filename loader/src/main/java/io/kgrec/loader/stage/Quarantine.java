package io.kgrec.loader.stage;

import io.kgrec.loader.read.Row;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The file of rejected rows: source file, line number, reason code, detail and the raw line, tab-separated. Tabs
 * and line breaks inside the raw line are escaped so each rejected row stays one line.
 */
public final class Quarantine implements AutoCloseable {
    public static final String HEADER = "file\tline\treason\tdetail\traw";

    private final Path path;
    private final BufferedWriter out;
    private long count;

    private Quarantine(Path path, BufferedWriter out) {
        this.path = path;
        this.out = out;
    }

    public static Quarantine writingTo(Path path) {
        try {
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            BufferedWriter out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
            out.write(HEADER);
            out.newLine();
            return new Quarantine(path, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the quarantine file " + path, e);
        }
    }

    public void reject(Row row, RejectReason reason, String detail, FileAccount account) {
        account.quarantined(reason);
        count++;
        try {
            out.write(row.file().toString());
            out.write('\t');
            out.write(Long.toString(row.line()));
            out.write('\t');
            out.write(reason.name());
            out.write('\t');
            out.write(escape(detail));
            out.write('\t');
            out.write(escape(row.raw()));
            out.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the quarantine file " + path, e);
        }
    }

    public Path path() {
        return path;
    }

    public long count() {
        return count;
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the quarantine file " + path, e);
        }
    }
}
