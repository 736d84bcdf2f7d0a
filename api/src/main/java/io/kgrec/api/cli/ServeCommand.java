package io.kgrec.api.cli;

import io.kgrec.api.KgrecApplication;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kgrec serve}: the GraphQL service. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Starts the GraphQL service (GraphiQL at /graphiql).",
                "Uses NEO4J_URI when set; otherwise runs an embedded Neo4j in KGREC_DATA_DIR (default data/neo4j) "
                        + "with Bolt on KGREC_BOLT_ADDRESS (default 127.0.0.1:7687), and loads the demo data "
                        + "into an empty database."})
public final class ServeCommand implements Runnable {
    @Option(names = "--port", description = "HTTP port (default: ${DEFAULT-VALUE}).", defaultValue = "8080")
    int port;

    @Option(names = "--no-demo", description = "Do not load the demo data into an empty database.")
    boolean noDemo;

    @Option(names = "--no-train", description = "Do not train a first model in the background when the graph has "
            + "interactions but no model.")
    boolean noTrain;

    @Override
    public void run() {
        List<String> args = new ArrayList<>();
        args.add("--server.port=" + port);
        if (noDemo) {
            args.add("--kgrec.demo.enabled=false");
        }
        if (noTrain) {
            args.add("--kgrec.train-on-start=false");
        }
        SpringApplication.run(KgrecApplication.class, args.toArray(String[]::new));
    }
}
