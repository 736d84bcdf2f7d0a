package io.kgrec.loader.source.completejourney;

import io.kgrec.loader.read.Row;
import io.kgrec.loader.read.TabularFile;
import io.kgrec.loader.source.CustomerAttributes;
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
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The native files of 84.51° "The Complete Journey" (as exported from the CRAN package): {@code products},
 * {@code demographics} and {@code transactions} or {@code transactions_sample}, and the marketing files read by
 * {@link CompleteJourneyMarketing}; each {@code .csv} or {@code .csv.gz}. Products become items with their
 * department, category, type, manufacturer and brand as entities; transaction lines become {@code PURCHASED}
 * relationships (quantity summed, sales value summed as spend); households become customers.
 */
public final class CompleteJourneySource implements Source {
    /** Transaction timestamps and campaign dates are New York wall-clock times. */
    public static final ZoneId ZONE = ZoneId.of("America/New_York");

    private static final List<String> PRODUCT_COLUMNS = List.of("product_id", "manufacturer_id", "department",
            "brand", "product_category", "product_type", "package_size");
    private static final List<String> TRANSACTION_COLUMNS = List.of("household_id", "product_id", "quantity",
            "sales_value", "transaction_timestamp");

    private final Path folder;

    public CompleteJourneySource(Path folder) {
        this.folder = folder;
    }

    @Override
    public String describe() {
        return "Complete Journey CSV in " + folder;
    }

    @Override
    public void read(GraphData data, LoadContext outer) {
        DatasetFolder files = DatasetFolder.of(folder);
        LoadContext context = outer.inFolder(folder);
        Path products = files.required("products.csv");
        Path transactions = files.required("transactions.csv", "transactions_sample.csv");
        RowHandler.readAll(TabularFile.of(products), PRODUCT_COLUMNS, context, row -> product(data, row));
        files.optional("demographics.csv").ifPresent(file -> readDemographics(file, data, context));
        Fields newYorkTime = context.fields().withZone(ZONE);
        String sourceKey = context.sourceKey(transactions);
        RowHandler.readAll(TabularFile.of(transactions), TRANSACTION_COLUMNS, context,
                row -> purchase(data, newYorkTime, row, sourceKey));
        new CompleteJourneyMarketing(files, newYorkTime).read(data, context);
    }

    private boolean product(GraphData data, Row row) throws RowRejected {
        String id = Fields.itemId(row, "product_id");
        Map<String, Object> props = new LinkedHashMap<>();
        for (String column : List.of("department", "brand", "product_category", "product_type", "package_size")) {
            if (!row.isBlank(column)) {
                props.put(column, row.get(column));
            }
        }
        boolean isNew = data.putItem(id, name(row), props);
        fact(data, id, "in_department", "department", row.get("department"));
        fact(data, id, "in_product_category", "product_category", row.get("product_category"));
        fact(data, id, "in_product_type", "product_type", row.get("product_type"));
        fact(data, id, "made_by", "manufacturer", row.get("manufacturer_id"));
        fact(data, id, "has_brand", "brand", row.get("brand"));
        return isNew;
    }

    /** "ICE CREAM 48 OZ": the product type and package size, else the coarsest description there is. */
    private static String name(Row row) {
        String type = row.get("product_type");
        String size = row.get("package_size");
        if (!type.isEmpty()) {
            return size.isEmpty() ? type : type + " " + size;
        }
        for (String column : List.of("product_category", "department")) {
            if (!row.isBlank(column)) {
                return row.get(column) + " #" + row.get("product_id");
            }
        }
        return "product " + row.get("product_id");
    }

    private static void fact(GraphData data, String item, String relation, String type, String value)
            throws RowRejected {
        if (!value.isEmpty()) {
            Triples.add(data, item, relation, type + ":" + value);
        }
    }

    private boolean purchase(GraphData data, Fields fields, Row row, String sourceKey) throws RowRejected {
        String customer = Fields.customerId(row, "household_id");
        String item = Fields.itemId(row, "product_id");
        double quantity = Fields.quantity(row, "quantity");
        Double spend = Fields.money(row, "sales_value");
        Long timestamp = fields.timestamp(row, "transaction_timestamp");
        if (!data.hasItem(item)) {
            throw new RowRejected(RejectReason.UNKNOWN_ITEM, "product_id '" + item + "' is not in products");
        }
        data.putCustomer(customer, Map.of());
        return data.addInteraction(sourceKey, customer, item, InteractionType.PURCHASED, quantity, spend, timestamp);
    }

    private void readDemographics(Path file, GraphData data, LoadContext context) {
        CustomerAttributes.read(TabularFile.of(file), "household_id", data, context);
    }
}
