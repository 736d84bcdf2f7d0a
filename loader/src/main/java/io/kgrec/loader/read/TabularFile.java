package io.kgrec.loader.read;

import io.kgrec.loader.LoadException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * A delimited text file with a header line: TSV or CSV, optionally gzip-compressed ({@code .gz}). It is decoded as
 * strict UTF-8, so a file in another encoding stops the load with the line where decoding failed instead of loading
 * mangled ids. Header names are matched case-insensitively.
 */
public final class TabularFile {
    private final Path path;
    private final DelimitedLineParser parser;

    private TabularFile(Path path, char separator) {
        this.path = path;
        this.parser = new DelimitedLineParser(separator);
    }

    /** Chooses the separator from the name: {@code .csv} / {@code .csv.gz} → comma, anything else → tab. */
    public static TabularFile of(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT).replaceFirst("\\.gz$", "");
        return new TabularFile(path, name.endsWith(".csv") ? ',' : '\t');
    }

    public Path path() {
        return path;
    }

    /**
     * Reads every data line.
     *
     * @param required columns the header must have
     * @throws LoadException if the file is missing, unreadable, not UTF-8, or its header lacks a required column
     */
    public void forEachRow(Collection<String> required, Consumer<Row> consumer) {
        long lineNo = 0;
        try (Utf8LineReader reader = open()) {
            String header = reader.readLine();
            lineNo = 1;
            if (header == null) {
                throw LoadException.at(path, 1, "the file is empty; expected a header with " + required);
            }
            Map<String, Integer> index = headerIndex(stripBom(header));
            for (String column : required) {
                if (!index.containsKey(column)) {
                    throw LoadException.at(path, 1, "the header has no column '" + column + "'; expected "
                            + required + ", found " + index.keySet());
                }
            }
            String line;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                List<String> fields;
                try {
                    fields = parser.split(line);
                } catch (IllegalArgumentException e) {
                    fields = List.of();
                }
                consumer.accept(new Row(path, lineNo, line, fields, index));
            }
        } catch (NoSuchFileException e) {
            throw LoadException.at(path, 0, "the file does not exist");
        } catch (CharacterCodingException e) {
            throw LoadException.at(path, lineNo + 1, "the file is not valid UTF-8; convert it to UTF-8 first", e);
        } catch (IOException e) {
            throw LoadException.at(path, lineNo, "cannot be read: " + e.getMessage(), e);
        }
    }

    private Utf8LineReader open() throws IOException {
        InputStream in = Files.newInputStream(path);
        if (path.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return new Utf8LineReader(in);
    }

    private Map<String, Integer> headerIndex(String header) {
        List<String> names = parser.split(header);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            index.putIfAbsent(names.get(i).toLowerCase(Locale.ROOT), i);
        }
        return index;
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }
}
