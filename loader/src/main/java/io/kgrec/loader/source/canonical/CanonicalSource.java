package io.kgrec.loader.source.canonical;

import io.kgrec.loader.LoadException;
import io.kgrec.loader.read.Row;
import io.kgrec.loader.read.TabularFile;
import io.kgrec.loader.source.CustomerAttributes;
import io.kgrec.loader.source.LoadContext;
import io.kgrec.loader.source.RowHandler;
import io.kgrec.loader.source.Source;
import io.kgrec.loader.source.Triples;
import io.kgrec.loader.stage.Fields;
import io.kgrec.loader.stage.GraphData;
import io.kgrec.loader.stage.RatingScale;
import io.kgrec.loader.stage.RejectReason;
import io.kgrec.loader.stage.RowRejected;
import io.kgrec.model.schema.InteractionType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The canonical TSV format of {@code shared/eval/FORMAT.md}: a folder with {@code interactions.tsv},
 * {@code items.tsv}, and optionally {@code triples.tsv} and {@code customers.tsv}. The interactions file can be
 * replaced, e.g. by {@code split/train.tsv} for evaluation. When {@code items.tsv} exists it is the catalogue and
 * rows naming other items are quarantined; without it, items are created from the interactions.
 */
public final class CanonicalSource implements Source {
    private final Path folder;
    private final Path interactions;
    private final InteractionType interactionType;
    private final RatingScale ratingScale;

    /**
     * @param interactionType the type of every interaction, unless the file has a {@code type} column
     */
    public CanonicalSource(Path folder, Path interactions, InteractionType interactionType) {
        this(folder, interactions, interactionType, RatingScale.HALF_STARS);
    }

    /**
     * @param ratingScale the scale {@code RATED} weights must be on
     */
    public CanonicalSource(Path folder, Path interactions, InteractionType interactionType, RatingScale ratingScale) {
        this.folder = folder;
        this.interactions = interactions;
        this.interactionType = interactionType;
        this.ratingScale = ratingScale;
    }

    public static CanonicalSource of(Path folder, InteractionType interactionType) {
        return new CanonicalSource(folder, folder.resolve("interactions.tsv"), interactionType);
    }

    @Override
    public String describe() {
        return "canonical TSV in " + folder + " (interactions from " + folder.relativize(interactions) + ")";
    }

    @Override
    public void read(GraphData data, LoadContext outer) {
        if (!Files.isDirectory(folder)) {
            throw new LoadException(folder + ": the dataset folder does not exist");
        }
        LoadContext context = outer.inFolder(folder);
        Path items = folder.resolve("items.tsv");
        boolean hasCatalogue = Files.exists(items);
        if (hasCatalogue) {
            RowHandler.readAll(TabularFile.of(items), List.of("item_id"), context, row ->
                    data.putItem(Fields.itemId(row, "item_id"), Fields.name(row, "name"), Map.of()));
        }
        readCustomers(data, context);
        Path triples = folder.resolve("triples.tsv");
        if (Files.exists(triples)) {
            RowHandler.readAll(TabularFile.of(triples), List.of("head", "relation", "tail"), context, row ->
                    Triples.add(data, Fields.required(row, "head"), Fields.required(row, "relation"),
                            Fields.required(row, "tail")));
        }
        String sourceKey = context.sourceKey(interactions);
        RowHandler.readAll(TabularFile.of(interactions), List.of("customer_id", "item_id", "weight"), context,
                row -> interaction(data, context.fields(), row, hasCatalogue, sourceKey));
    }

    private boolean interaction(GraphData data, Fields fields, Row row, boolean hasCatalogue, String sourceKey)
            throws RowRejected {
        String customer = Fields.customerId(row, "customer_id");
        String item = Fields.itemId(row, "item_id");
        InteractionType type = interactionType;
        if (row.has("type") && !row.isBlank("type")) {
            type = InteractionType.parse(row.get("type")).orElseThrow(() -> new RowRejected(
                    RejectReason.UNKNOWN_INTERACTION_TYPE, "type '" + row.get("type") + "'"));
        }
        double weight = type.isRating() ? Fields.rating(row, "weight", ratingScale) : Fields.quantity(row, "weight");
        Long timestamp = fields.timestamp(row, "timestamp");
        if (!data.hasItem(item)) {
            if (hasCatalogue) {
                throw new RowRejected(RejectReason.UNKNOWN_ITEM, "item_id '" + item + "' is not in items.tsv");
            }
            data.putItem(item, "", Map.of());
        }
        data.putCustomer(customer, Map.of());
        return data.addInteraction(sourceKey, customer, item, type, weight, null, timestamp);
    }

    private void readCustomers(GraphData data, LoadContext context) {
        Path customers = folder.resolve("customers.tsv");
        if (Files.exists(customers)) {
            CustomerAttributes.read(TabularFile.of(customers), "customer_id", data, context);
        }
    }
}
