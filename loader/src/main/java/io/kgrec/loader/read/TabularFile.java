package io.kgrec.loader.read;

import io.kgrec.loader.LoadException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * A delimited text file: TSV, CSV or another separator, with a header line or with columns named by the caller,
 * optionally gzip-compressed ({@code .gz}). It is decoded strictly in its charset (UTF-8 unless stated), so a file in
 * another encoding stops the load with the line where decoding failed instead of loading mangled ids. Every value is
 * cleaned by {@link TextNormaliser}; header names are matched case-insensitively.
 */
public final class TabularFile {
    private final Path path;
    private final char separator;
    private final boolean quoting;
    private final Charset charset;
    private final List<String> columns;
    private final boolean charsetStated;

    private TabularFile(Path path, char separator, boolean quoting, Charset charset, List<String> columns,
            boolean charsetStated) {
        this.path = path;
        this.separator = separator;
        this.quoting = quoting;
        this.charset = charset;
        this.columns = columns;
        this.charsetStated = charsetStated;
    }

    /** Chooses the separator from the name: {@code .csv} / {@code .csv.gz} → quoted commas, anything else → tab. */
    public static TabularFile of(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT).replaceFirst("\\.gz$", "");
        boolean csv = name.endsWith(".csv");
        return new TabularFile(path, csv ? ',' : '\t', csv, StandardCharsets.UTF_8, List.of(), false);
    }

    /**
     * @throws LoadException if lines of the charset cannot be split at the byte {@code \n} (e.g. UTF-16)
     */
    public TabularFile withCharset(Charset other) {
        if (!StrictLineReader.splitsAtNewlineByte(other)) {
            throw new LoadException(path + ": the encoding " + other + " is not supported; use UTF-8, ISO-8859-1, "
                    + "windows-1252 or another encoding that is a superset of ASCII");
        }
        return new TabularFile(path, separator, quoting, other, columns, true);
    }

    /** The charset, unless one was stated for this file already ({@link #withCharset}). */
    public TabularFile withDefaultCharset(Charset other) {
        return charsetStated ? this : withCharset(other);
    }

    /** @param quotes whether fields may be quoted RFC 4180 style */
    public TabularFile withSeparator(char other, boolean quotes) {
        return new TabularFile(path, other, quotes, charset, columns, charsetStated);
    }

    /** For files without a header line: the names of the columns in order; the first line is data. */
    public TabularFile withColumns(List<String> names) {
        return new TabularFile(path, separator, quoting, charset,
                names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList(), charsetStated);
    }

    public Path path() {
        return path;
    }

    public Charset charset() {
        return charset;
    }

    /**
     * Reads every data line.
     *
     * @param required columns the header must have
     * @return the SHA-256 of the file's bytes as stored: the version of the file
     * @throws LoadException if the file is missing, unreadable, not valid in its charset, or its header lacks a
     *                       required column
     */
    public String forEachRow(Collection<String> required, Consumer<Row> consumer) {
        DelimitedLineParser parser = new DelimitedLineParser(separator, quoting);
        long lineNo = 0;
        MessageDigest digest = sha256();
        try (StrictLineReader reader = open(digest)) {
            Map<String, Integer> index;
            if (columns.isEmpty()) {
                String header = reader.readLine();
                lineNo = 1;
                if (header == null) {
                    throw LoadException.at(path, 1, "the file is empty; expected a header with " + required);
                }
                index = headerIndex(parser.split(stripBom(header)));
            } else {
                index = headerIndex(columns);
            }
            for (String column : required) {
                if (!index.containsKey(column)) {
                    throw LoadException.at(path, 1, "the header has no column '" + column + "'; expected "
                            + required + ", found " + index.keySet());
                }
            }
            String line;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (lineNo == 1) {
                    line = stripBom(line);
                }
                if (line.isBlank()) {
                    continue;
                }
                consumer.accept(row(parser, lineNo, line, index));
            }
            // The version covers every stored byte, also any after the end of a gzip stream.
            reader.drainRaw();
        } catch (NoSuchFileException e) {
            throw LoadException.at(path, 0, "the file does not exist");
        } catch (CharacterCodingException e) {
            throw LoadException.at(path, lineNo + 1, "the file is not valid " + charset.name() + "; state its encoding "
                    + "or convert it to UTF-8 first", e);
        } catch (IOException e) {
            throw LoadException.at(path, lineNo, "cannot be read: " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private Row row(DelimitedLineParser parser, long lineNo, String line, Map<String, Integer> index) {
        Fixes fixes = new Fixes();
        List<String> fields;
        try {
            List<String> raw = parser.split(line);
            fields = new ArrayList<>(raw.size());
            for (String value : raw) {
                fields.add(TextNormaliser.clean(value, fixes));
            }
        } catch (IllegalArgumentException e) {
            fields = List.of();
        }
        return new Row(path, lineNo, line, fields, index, fixes);
    }

    private StrictLineReader open(MessageDigest digest) throws IOException {
        InputStream raw = new DigestInputStream(Files.newInputStream(path), digest);
        InputStream in = raw;
        if (path.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(raw, 1 << 16);
        }
        return new StrictLineReader(in, raw, charset);
    }

    private static Map<String, Integer> headerIndex(List<String> names) {
        Map<String, Integer> index = new HashMap<>();
        Fixes ignored = new Fixes();
        for (int i = 0; i < names.size(); i++) {
            index.putIfAbsent(TextNormaliser.clean(names.get(i), ignored).toLowerCase(Locale.ROOT), i);
        }
        return index;
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
