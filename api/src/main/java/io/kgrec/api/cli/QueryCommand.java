package io.kgrec.api.cli;

import io.kgrec.api.cli.ResultFormat.QueryRows;
import io.kgrec.api.graph.GraphConnection;
import io.kgrec.api.graph.GraphSettings;
import io.kgrec.cypher.query.LibraryQuery;
import io.kgrec.cypher.query.NamedValues;
import io.kgrec.cypher.query.QueryLibrary;
import io.kgrec.cypher.query.QueryParameter;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.Neo4jException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kgrec query}: runs a query of the analysts' Cypher library and prints its rows. */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Runs a query of the analysts' Cypher library and prints its rows; --list shows the queries.",
                "Connects to NEO4J_URI when set, otherwise opens the embedded database in KGREC_DATA_DIR (stop a "
                        + "running 'kgrec serve' on the same folder first, or point NEO4J_URI at its Bolt port).",
                "Rows go to standard output, logs and errors to standard error."})
public final class QueryCommand implements Callable<Integer> {
    private static final int DESCRIPTION_WIDTH = 100;

    @Parameters(index = "0", arity = "0..1", paramLabel = "<name>",
            description = "The query, e.g. top-items-per-segment (see --list).")
    String name;

    @Option(names = "--list", description = "List the queries with their descriptions and parameters.")
    boolean list;

    @Option(names = {"-p", "--param"}, paramLabel = "<key=value>", description = {
            "A parameter, typed as the query's header declares: 10, 0.5, true, text as is, lists as a,b,c or "
                    + "['a', 'b']. Repeat for several. A parameter not given takes the header's example value."})
    Map<String, String> parameters = new LinkedHashMap<>();

    @Option(names = "--format", defaultValue = "table",
            description = "table, csv or json. Default: ${DEFAULT-VALUE}.")
    ResultFormat format;

    @Option(names = "--print", description = "Print the query's Cypher (header included) instead of running it, "
            + "e.g. to paste into Neo4j Browser.")
    boolean print;

    /** Where NEO4J_URI and the other settings come from; a test points it at a running application. */
    java.util.function.Function<String, String> environment = System::getenv;

    @Override
    public Integer call() {
        QueryLibrary library = QueryLibrary.load();
        if (list) {
            library.all().forEach(q -> describe(q, System.out));
            return 0;
        }
        if (name == null) {
            System.err.println("name a query, or see them with: kgrec query --list");
            return 2;
        }
        LibraryQuery query;
        Map<String, Object> bound;
        try {
            query = library.get(name);
            // printing needs no values, so a required parameter may be left out
            bound = print ? Map.of() : query.bind(parameters);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        if (print) {
            System.out.print(query.text());
            return 0;
        }
        return run(query, bound);
    }

    private int run(LibraryQuery query, Map<String, Object> bound) {
        PrintStream rows = System.out;
        // Starting the embedded database logs to the console; keep standard output for the rows, so that
        // `--format csv > file` and `--format json | jq` get nothing else.
        System.setOut(System.err);
        try {
            GraphConnection graph;
            try {
                graph = GraphConnection.open(GraphSettings.from(environment));
            } catch (RuntimeException e) {
                System.err.println("cannot open the graph: " + rootMessage(e) + "\nWhile 'kgrec serve' runs on the "
                        + "same data folder, point NEO4J_URI at its Bolt port, e.g. NEO4J_URI=bolt://127.0.0.1:7687");
                return 1;
            }
            try (graph; Session session = graph.driver().session(SessionConfig.forDatabase(graph.database()))) {
                try {
                    NamedValues.check(bound, check -> session.executeRead(tx -> tx.run(check)
                            .list(r -> r.get("name").asString())));
                } catch (IllegalArgumentException e) {
                    System.err.println("query " + query.name() + ": " + e.getMessage());
                    return 2;
                }
                // every library query only reads, so on a cluster neo4j:// routes it to a secondary
                QueryRows result = session.executeRead(tx -> {
                    var r = tx.run(query.text(), bound);
                    return new QueryRows(r.keys(), r.list(QueryCommand::values));
                });
                format.write(result, rows);
                rows.flush();
                return 0;
            } catch (Neo4jException e) {
                System.err.println("query " + query.name() + " failed: " + e.getMessage());
                return 1;
            }
        } finally {
            System.setOut(rows);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }

    private static List<Object> values(Record record) {
        List<Object> values = new ArrayList<>();
        for (Value v : record.values()) {
            values.add(v.asObject());
        }
        return values;
    }

    private static void describe(LibraryQuery query, PrintStream out) {
        out.println(query.name() + ": " + query.summary());
        for (String paragraph : query.description().split("\n\n")) {
            wrap(paragraph, "    ", "    ", out);
        }
        for (QueryParameter p : query.parameters()) {
            wrap("--param " + p.name() + "=<" + p.type().spelling() + "> "
                    + (p.required() ? "(required, e.g. " + p.exampleText() + ") " : "(default " + p.exampleText()
                    + ") ") + p.description(), "    ", "        ", out);
        }
        out.println();
    }

    private static void wrap(String text, String indent, String continuation, PrintStream out) {
        StringBuilder line = new StringBuilder(indent);
        for (String word : text.split(" ")) {
            if (!line.toString().isBlank() && line.length() + 1 + word.length() > DESCRIPTION_WIDTH) {
                out.println(line);
                line = new StringBuilder(continuation);
            }
            line.append(line.toString().isBlank() ? "" : " ").append(word);
        }
        out.println(line);
    }
}
