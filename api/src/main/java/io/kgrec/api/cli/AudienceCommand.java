package io.kgrec.api.cli;

import io.kgrec.api.graph.GraphConnection;
import io.kgrec.api.graph.GraphSettings;
import io.kgrec.api.cli.ResultFormat.QueryRows;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.exceptions.Neo4jException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kgrec audience}: writes the audience of an item, coupon or campaign as CSV, for a campaign tool. */
@Command(name = "audience", mixinStandardHelpOptions = true,
        description = {"Writes the customers an item, coupon or campaign should go to as CSV (RFC 4180): rank, "
                + "customer_id, score and the strongest reason as a sentence. Customers who opted out of profiling or "
                + "are flagged as anomalous are never included.",
                "Connects to NEO4J_URI when set, otherwise opens the embedded database in KGREC_DATA_DIR (stop a "
                        + "running 'kgrec serve' on the same folder first, or point NEO4J_URI at its Bolt port)."})
public final class AudienceCommand implements Callable<Integer> {
    static final List<String> COLUMNS = List.of("rank", "customer_id", "score", "top_reason");
    private static final String AUDIENCE = """
            CALL kgrec.audience.stream($kind, $id, $configuration) YIELD rank, customerId, score, reasons
            RETURN rank, customerId, score, CASE WHEN size(reasons) > 0 THEN reasons[0].sentence ELSE '' END AS reason
            """;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    /** Exactly one target. */
    static final class Target {
        @Option(names = "--item", paramLabel = "<id>", description = "An item: customers who do not have it yet.")
        String item;
        @Option(names = "--coupon", paramLabel = "<upc>", description = "A coupon: over the items it applies to.")
        String coupon;
        @Option(names = "--campaign", paramLabel = "<id>", description = "A campaign: over its coupons' items.")
        String campaign;
    }

    @Option(names = "--top", defaultValue = "1000", description = "How many customers (1 to 100000). "
            + "Default: ${DEFAULT-VALUE}.")
    int top;

    @Option(names = {"-o", "--out"}, paramLabel = "<file.csv>", description = "Write here instead of standard output.")
    Path out;

    @Option(names = "--targeted-only", description = "Only customers the campaign (or the coupon's campaigns) targeted.")
    boolean targetedOnly;

    @Option(names = "--exclude-purchasers", arity = "1", paramLabel = "<true|false>", description = {
            "Whether customers who already have an offered item leave it out of their score (for an item: leave the "
                    + "audience). Default: true for items, false for coupons and campaigns."})
    Boolean excludePurchasers;

    @Option(names = {"-f", "--filter"}, paramLabel = "<property=v1,v2>", description = {"Keep customers whose "
            + "property is one of the values, e.g. age=25-34,35-44 or segment=champions. Repeat for several."})
    Map<String, String> filters = new LinkedHashMap<>();

    @Override
    public Integer call() {
        if (top < 1 || top > 100_000) {
            System.err.println("--top must be between 1 and 100000, got " + top);
            return 2;
        }
        PrintStream stdout = System.out;
        // Starting the embedded database logs to the console; keep standard output for the CSV.
        System.setOut(System.err);
        try (GraphConnection graph = GraphConnection.open(GraphSettings.from(System::getenv))) {
            if (out == null) {
                return export(graph, stdout);
            }
            try (OutputStream file = Files.newOutputStream(out)) {
                PrintStream csv = new PrintStream(file, false, StandardCharsets.UTF_8);
                int code = export(graph, csv);
                csv.flush();
                if (code == 0) {
                    System.err.println("wrote " + out);
                }
                return code;
            }
        } catch (IOException e) {
            System.err.println("cannot write " + out + ": " + e.getMessage());
            return 1;
        } finally {
            System.setOut(stdout);
        }
    }

    /** Runs the audience on the graph and writes it as CSV; 2 when the procedure refuses the target or options. */
    int export(GraphConnection graph, PrintStream csv) {
        String kind = target.item != null ? "item" : target.coupon != null ? "coupon" : "campaign";
        String id = target.item != null ? target.item : target.coupon != null ? target.coupon : target.campaign;
        Map<String, Object> configuration = new HashMap<>();
        configuration.put("topK", top);
        configuration.put("maxReasons", 1);
        configuration.put("targetedOnly", targetedOnly);
        if (excludePurchasers != null) {
            configuration.put("excludePurchasers", excludePurchasers);
        }
        Map<String, Object> customerFilter = new LinkedHashMap<>();
        filters.forEach((k, v) -> customerFilter.put(k, List.of(v.split(","))));
        if (!customerFilter.isEmpty()) {
            configuration.put("customerFilter", customerFilter);
        }
        try (Session session = graph.driver().session(SessionConfig.forDatabase(graph.database()))) {
            List<List<Object>> rows = session.executeRead(tx -> tx.run(AUDIENCE,
                    Map.of("kind", kind, "id", id, "configuration", configuration)).list(AudienceCommand::row));
            ResultFormat.csv.write(new QueryRows(COLUMNS, rows), csv);
            csv.flush();
            System.err.println(rows.size() + " customers in the audience of " + kind + " " + id);
            return 0;
        } catch (Neo4jException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            int at = message.lastIndexOf("IllegalArgumentException: ");
            System.err.println("audience failed: " + (at < 0 ? message
                    : message.substring(at + "IllegalArgumentException: ".length()).strip()));
            return at < 0 ? 1 : 2;
        }
    }

    private static List<Object> row(Record r) {
        List<Object> values = new ArrayList<>();
        values.add(r.get("rank").asLong());
        values.add(r.get("customerId").asString());
        values.add(r.get("score").asDouble());
        values.add(r.get("reason").asString());
        return values;
    }
}
