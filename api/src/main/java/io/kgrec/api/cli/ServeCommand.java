package io.kgrec.api.cli;

import io.kgrec.api.KgrecApplication;
import io.kgrec.api.start.StartFailureAnalyzer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.springframework.boot.SpringApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** {@code kgrec serve}: the GraphQL service. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Starts the GraphQL service (GraphiQL at /graphiql).",
                "Uses NEO4J_URI when set; otherwise runs an embedded Neo4j in KGREC_DATA_DIR (default data/neo4j) "
                        + "with Bolt on KGREC_BOLT_ADDRESS (default 127.0.0.1:7687), and loads the demo data "
                        + "into an empty database.",
                "Any other --name=value is a Spring property and goes to Spring as it is, "
                        + "e.g. --kgrec.serving.cache.time-to-live=30s."})
public final class ServeCommand implements Callable<Integer> {
    /** Spring's own command-line property syntax: {@code --name=value}. */
    private static final Pattern SPRING_PROPERTY = Pattern.compile("--[A-Za-z][\\w.\\[\\]-]*=.*", Pattern.DOTALL);

    @Spec
    CommandSpec spec;

    @Option(names = "--port", description = "HTTP port (default: ${DEFAULT-VALUE}).", defaultValue = "8080")
    int port;

    @Option(names = "--no-demo", description = "Do not load the demo data into an empty database.")
    boolean noDemo;

    @Option(names = "--no-train", description = "Do not train a first model in the background when the graph has "
            + "interactions but no model.")
    boolean noTrain;

    @Unmatched
    List<String> springProperties = new ArrayList<>();

    @Override
    public Integer call() {
        try {
            SpringApplication.run(KgrecApplication.class, springArgs());
            return 0;
        } catch (RuntimeException e) {
            // A failure Spring has already reported in one line (a port in use, a refusal) needs no stack trace on top.
            if (StartFailureAnalyzer.analysis(e).isPresent()) {
                return 1;
            }
            throw e;
        }
    }

    /**
     * The arguments Spring starts with: this command's options as properties, then the caller's own properties.
     *
     * @throws ParameterException naming an argument that is neither an option of serve nor a --name=value property
     */
    String[] springArgs() {
        List<String> args = new ArrayList<>();
        args.add("--server.port=" + port);
        if (noDemo) {
            args.add("--kgrec.demo.enabled=false");
        }
        if (noTrain) {
            args.add("--kgrec.train-on-start=false");
        }
        for (String property : springProperties) {
            if (!SPRING_PROPERTY.matcher(property).matches()) {
                throw new ParameterException(spec.commandLine(), "serve does not know '" + property
                        + "': its options are --port, --no-demo and --no-train, and a Spring property is given as "
                        + "--name=value");
            }
            args.add(property);
        }
        return args.toArray(String[]::new);
    }
}
