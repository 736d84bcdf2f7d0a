package io.kgrec.loader.source.mapping;

import io.kgrec.loader.LoadException;
import io.kgrec.loader.read.Fix;
import io.kgrec.loader.read.Row;
import io.kgrec.loader.read.TabularFile;
import io.kgrec.loader.source.CustomerAttributes;
import io.kgrec.loader.source.LoadContext;
import io.kgrec.loader.source.RowHandler;
import io.kgrec.loader.source.Source;
import io.kgrec.loader.source.Triples;
import io.kgrec.loader.source.mapping.Mapping.Attribute;
import io.kgrec.loader.source.mapping.Mapping.FileMapping;
import io.kgrec.loader.source.mapping.Mapping.Interactions;
import io.kgrec.loader.source.mapping.Mapping.Items;
import io.kgrec.loader.stage.Fields;
import io.kgrec.loader.stage.GraphData;
import io.kgrec.loader.stage.RatingScale;
import io.kgrec.loader.stage.RejectReason;
import io.kgrec.loader.stage.RowRejected;
import io.kgrec.model.schema.InteractionType;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Any CSV/TSV export described by a {@link Mapping}: each file is read in the mapping's order with the same
 * cleaning, accounting and quarantine as the built-in formats.
 */
public final class MappedSource implements Source {
    private final Path folder;
    private final Path mappingFile;
    private final Mapping mapping;

    /**
     * @throws LoadException if the mapping file is missing or invalid
     */
    public MappedSource(Path folder, Path mappingFile) {
        this.folder = folder;
        this.mappingFile = mappingFile;
        this.mapping = Mapping.read(mappingFile);
    }

    @Override
    public String describe() {
        return "files in " + folder + " as mapped by " + mappingFile
                + (mapping.description() == null ? "" : " (" + mapping.description() + ")");
    }

    @Override
    public void read(GraphData data, LoadContext outer) {
        if (!Files.isDirectory(folder)) {
            throw new LoadException(folder + ": the dataset folder does not exist");
        }
        Fields fields = outer.fields();
        if (mapping.timezone() != null) {
            fields = fields.withZone(ZoneId.of(mapping.timezone()));
        }
        if (mapping.dateFormat() != null) {
            fields = fields.withDateFormat(mapping.dateFormat());
        }
        LoadContext context = outer.inFolder(folder).withFields(fields);
        for (FileMapping f : mapping.files()) {
            Path path = folder.resolve(f.path());
            if (!Files.exists(path)) {
                throw new LoadException(path + ": the file does not exist (named in " + mappingFile
                        + ")");
            }
            TabularFile file = tabular(path, f);
            if (f.items() != null) {
                RowHandler.readAll(file, required(f.items().id()), context, row -> item(data, f.items(), row));
            } else if (f.customers() != null) {
                CustomerAttributes.read(file, f.customers().id(), f.customers().properties(), data, context);
            } else if (f.interactions() != null) {
                Interactions spec = f.interactions();
                String key = context.sourceKey(path);
                InteractionType type = InteractionType.parse(spec.type() == null ? "INTERACTED" : spec.type())
                        .orElseThrow();
                RatingScale scale = spec.ratingScale() == null ? RatingScale.HALF_STARS
                        : RatingScale.parse(spec.ratingScale());
                Fields rowFields = fields;
                RowHandler.readAll(file, required(spec.customer(), spec.item()), context,
                        row -> interaction(data, rowFields, spec, type, scale, key, row));
            } else {
                Mapping.Facts spec = f.facts();
                RowHandler.readAll(file, required(spec.head(), spec.tail()), context, row -> Triples.add(data,
                        node(row, spec.head(), spec.headType()),
                        spec.relationName() != null ? spec.relationName() : Fields.required(row, lower(spec.relation())),
                        node(row, spec.tail(), spec.tailType())));
            }
        }
    }

    private static TabularFile tabular(Path path, FileMapping f) {
        TabularFile file = TabularFile.of(path);
        if (f.separator() != null) {
            char separator = f.separator().charAt(0);
            file = file.withSeparator(separator, f.quoting() != null ? f.quoting() : separator == ',');
        } else if (f.quoting() != null) {
            String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
            file = file.withSeparator(name.endsWith(".csv") || name.endsWith(".csv.gz") ? ',' : '\t', f.quoting());
        }
        if (f.encoding() != null) {
            file = file.withCharset(Charset.forName(f.encoding()));
        }
        if (f.columns() != null) {
            file = file.withColumns(f.columns());
        }
        return file;
    }

    private static boolean item(GraphData data, Items spec, Row row) throws RowRejected {
        String id = Fields.itemId(row, lower(spec.id()));
        Map<String, Object> props = new LinkedHashMap<>();
        if (spec.properties() != null) {
            for (String column : spec.properties()) {
                if (!row.isBlank(lower(column))) {
                    props.put(lower(column), row.get(lower(column)));
                }
            }
        }
        List<String> parts = new ArrayList<>();
        if (spec.name() != null) {
            spec.name().stream().map(c -> row.get(lower(c))).filter(v -> !v.isEmpty()).forEach(parts::add);
        }
        if (parts.isEmpty()) {
            row.fix(Fix.NAME_MISSING);
        }
        boolean isNew = data.putItem(id, String.join(" ", parts), props);
        if (spec.attributes() != null) {
            for (Attribute a : spec.attributes()) {
                String value = row.get(lower(a.column()));
                if (!value.isEmpty()) {
                    Triples.add(data, id, a.relation(), a.type() + ":" + value);
                }
            }
        }
        return isNew;
    }

    private static boolean interaction(GraphData data, Fields fields, Interactions spec, InteractionType type,
            RatingScale scale, String sourceKey, Row row) throws RowRejected {
        String customer = Fields.customerId(row, lower(spec.customer()));
        String item = Fields.itemId(row, lower(spec.item()));
        if (spec.cancelled() != null && spec.cancelled().values().contains(row.get(lower(spec.cancelled().column())))) {
            throw new RowRejected(RejectReason.CANCELLATION, spec.cancelled().column() + " is '"
                    + row.get(lower(spec.cancelled().column())) + "'");
        }
        double value = type.isRating() ? Fields.rating(row, lower(spec.rating()), scale)
                : spec.quantity() == null ? 1.0 : Fields.quantity(row, lower(spec.quantity()));
        Double money = spec.money() == null ? null : Fields.money(row, lower(spec.money()));
        Long time = spec.time() == null ? null : fields.timestamp(row, lower(spec.time()));
        if (!data.hasItem(item)) {
            if (!"create".equals(spec.unknownItems())) {
                throw new RowRejected(RejectReason.UNKNOWN_ITEM, spec.item() + " '" + item
                        + "' is not in the mapping's catalogue");
            }
            data.putItem(item, "", Map.of());
        }
        data.putCustomer(customer, Map.of());
        return data.addInteraction(sourceKey, customer, item, type, value, money, time);
    }

    private static String node(Row row, String column, String type) throws RowRejected {
        String value = Fields.required(row, lower(column));
        return type == null ? value : type + ":" + value;
    }

    private static List<String> required(String... columns) {
        return Arrays.stream(columns).map(MappedSource::lower).toList();
    }

    private static String lower(String column) {
        return column.toLowerCase(Locale.ROOT);
    }
}
