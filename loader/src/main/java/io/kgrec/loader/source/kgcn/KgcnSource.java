package io.kgrec.loader.source.kgcn;

import io.kgrec.loader.read.Row;
import io.kgrec.loader.read.TabularFile;
import io.kgrec.loader.source.DatasetFolder;
import io.kgrec.loader.source.LoadContext;
import io.kgrec.loader.source.RowHandler;
import io.kgrec.loader.source.Source;
import io.kgrec.loader.source.Triples;
import io.kgrec.loader.stage.Fields;
import io.kgrec.loader.stage.GraphData;
import io.kgrec.loader.stage.RejectReason;
import io.kgrec.loader.stage.RowRejected;
import io.kgrec.model.schema.InteractionType;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Knowledge-graph triples with an item-to-entity mapping, in the format of the KGCN / RippleNet datasets (Last.fm
 * with Microsoft Satori): {@code user_artists.dat} (tab-separated with a header {@code userID artistID weight};
 * weight = play count), {@code item_index2entity_id.txt} (no header: item id, entity id) and {@code kg.txt} (no
 * header: head entity, Freebase-style relation, tail entity). As in {@code shared/eval/FORMAT.md}, an entity mapped
 * to an item is that item, and any other entity becomes {@code entity:<id>}. Every artist of the interactions and
 * the mapping is an item; interactions are {@code LISTENED} unless stated otherwise.
 */
public final class KgcnSource implements Source {
    private static final String ENTITY_TYPE = "entity";

    private final Path folder;
    private final String interactionsFile;
    private final InteractionType type;

    public KgcnSource(Path folder) {
        this(folder, "user_artists.dat", InteractionType.LISTENED);
    }

    /**
     * @param interactionsFile the file of {@code userID artistID weight} rows, in the folder
     */
    public KgcnSource(Path folder, String interactionsFile, InteractionType type) {
        this.folder = folder;
        this.interactionsFile = interactionsFile;
        this.type = type;
    }

    @Override
    public String describe() {
        return "KGCN triples and " + interactionsFile + " in " + folder;
    }

    @Override
    public void read(GraphData data, LoadContext outer) {
        DatasetFolder files = DatasetFolder.of(folder);
        LoadContext context = outer.inFolder(folder);
        Path mapping = files.required("item_index2entity_id.txt");
        Path interactions = files.required(interactionsFile);
        Path kg = files.required("kg.txt");
        Map<String, String> itemOfEntity = new HashMap<>();
        RowHandler.readAll(TabularFile.of(mapping).withColumns(List.of("item", "entity")), List.of("item", "entity"),
                context, row -> mapping(data, itemOfEntity, row));
        String sourceKey = context.sourceKey(interactions);
        RowHandler.readAll(TabularFile.of(interactions), List.of("userid", "artistid", "weight"), context,
                row -> interaction(data, row, sourceKey));
        RowHandler.readAll(TabularFile.of(kg).withColumns(List.of("head", "relation", "tail")),
                List.of("head", "relation", "tail"), context,
                row -> Triples.add(data, node(itemOfEntity, row, "head"), Fields.required(row, "relation"),
                        node(itemOfEntity, row, "tail")));
    }

    private static boolean mapping(GraphData data, Map<String, String> itemOfEntity, Row row) throws RowRejected {
        String item = Fields.itemId(row, "item");
        String entity = Fields.key(row, "entity");
        String earlier = itemOfEntity.putIfAbsent(entity, item);
        if (earlier != null && !earlier.equals(item)) {
            throw new RowRejected(RejectReason.CONFLICTING_MAPPING, "entity " + entity + " is already item " + earlier);
        }
        data.putItem(item, "", Map.of());
        return earlier == null;
    }

    private boolean interaction(GraphData data, Row row, String sourceKey) throws RowRejected {
        String customer = Fields.customerId(row, "userid");
        String item = Fields.itemId(row, "artistid");
        double plays = Fields.quantity(row, "weight");
        data.putItem(item, "", Map.of());
        data.putCustomer(customer, Map.of());
        return data.addInteraction(sourceKey, customer, item, type, plays, null, null);
    }

    private static String node(Map<String, String> itemOfEntity, Row row, String column) throws RowRejected {
        String entity = Fields.key(row, column);
        String item = itemOfEntity.get(entity);
        return item != null ? item : ENTITY_TYPE + ":" + entity;
    }
}
