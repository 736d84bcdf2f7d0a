package io.kgrec.loader.source.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kgrec.loader.LoadException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A declarative description of a CSV/TSV export: which files, and which columns of each make which nodes,
 * relationships and properties, so a new retailer's export loads without code. It is read from JSON (see
 * {@code loader/mappings/} and {@code src/site/markdown/loading.md}); unknown keys are errors, so a typo is reported
 * rather than ignored.
 *
 * @param description what the export is, for people
 * @param timezone    the zone of local times in the files (default: the load's zone)
 * @param dateFormat  a {@link java.time.format.DateTimeFormatter} pattern for dates that are not ISO or epoch
 * @param files       the files, read in this order (catalogues before the interactions that refer to them)
 */
public record Mapping(String description, String timezone, String dateFormat, List<FileMapping> files) {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);

    /**
     * One file and its role: exactly one of {@code items}, {@code customers}, {@code interactions}, {@code facts}.
     *
     * @param path      relative to the dataset folder
     * @param separator one character; default by extension ({@code .csv} → comma, else tab)
     * @param quoting   whether fields may be quoted (default: true for commas)
     * @param encoding  default UTF-8
     * @param columns   the column names of a file without a header line
     */
    public record FileMapping(String path, String separator, Boolean quoting, String encoding, List<String> columns,
            Items items, Customers customers, Interactions interactions, Facts facts) {
    }

    /** Catalogue rows: the item id, a name made of columns joined by spaces, properties and attribute facts. */
    public record Items(String id, List<String> name, List<String> properties, List<Attribute> attributes) {
    }

    /** A column whose value becomes an entity {@code type:value} linked from the item by {@code relation}. */
    public record Attribute(String column, String relation, String type) {
    }

    /** Customer rows: the id and the attribute columns (default: every other column). */
    public record Customers(String id, List<String> properties) {
    }

    /**
     * Interaction rows.
     *
     * @param type         PURCHASED, RATED, VIEWED, LISTENED, CLICKED or INTERACTED
     * @param quantity     the amount column (missing reads as 1); absent: every row is one event
     * @param rating       for RATED: the rating column
     * @param ratingScale  for RATED: {@code min-max[/step]}, default {@code 0.5-5/0.5}
     * @param money        the money column, if any
     * @param time         the time column, if any
     * @param unknownItems {@code quarantine} (default: items must be in a catalogue file of the mapping) or
     *                     {@code create}
     * @param cancelled    a column and the values that mark a return or cancellation
     */
    public record Interactions(String type, String customer, String item, String quantity, String rating,
            String ratingScale, String money, String time, String unknownItems, Cancelled cancelled) {
    }

    /** Rows whose {@code column} has one of {@code values} are returns or cancellations. */
    public record Cancelled(String column, List<String> values) {
    }

    /**
     * Knowledge-graph rows: head, relation (a column, or a fixed {@code relationName}) and tail. Ends with a colon are
     * entities ({@code type:id}), others catalogue items, unless {@code headType} / {@code tailType} makes every value
     * of that column an entity of that type.
     */
    public record Facts(String head, String headType, String relation, String relationName, String tail,
            String tailType) {
    }

    /**
     * @throws LoadException naming the file and the problem if it is missing, not JSON, or not a valid mapping
     */
    public static Mapping read(Path file) {
        Mapping m;
        try {
            m = JSON.readValue(file.toFile(), Mapping.class);
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof StreamReadException syntax) {
                throw notJson(file, syntax);
            }
            throw new LoadException(file + ": not a valid mapping at " + location(e) + ": "
                    + e.getOriginalMessage().replaceAll(" \\(class [^)]*\\)", "").replaceAll(",? ?not marked as.*", ""),
                    e);
        } catch (StreamReadException e) {
            throw notJson(file, e);
        } catch (JsonProcessingException e) {
            throw new LoadException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            if (e instanceof NoSuchFileException || !file.toFile().exists()) {
                throw new LoadException(file + ": the mapping file does not exist");
            }
            throw new LoadException(file + ": cannot be read: " + e.getMessage(), e);
        }
        MappingRules.check(file, m);
        return m;
    }

    private static LoadException notJson(Path file, StreamReadException e) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return new LoadException(file + ": not valid JSON" + where + ": "
                + e.getOriginalMessage().replaceAll("\\s*\\(start marker at .*", ""), e);
    }

    private static String location(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
