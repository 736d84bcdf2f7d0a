package io.kgrec.api.cli;

import io.kgrec.api.graph.GraphConnection;
import io.kgrec.api.graph.GraphSettings;
import io.kgrec.api.training.ModelTrainer;
import io.kgrec.api.training.PhaseBars;
import java.util.Locale;
import org.neo4j.driver.exceptions.ClientException;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kgrec train}: trains the recommender on the graph and switches the new model on. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Trains the hybrid recommender on the graph (kgrec.train) and switches the new model on, "
                + "showing a progress bar for each phase of training.",
                "Connects to NEO4J_URI when set, otherwise opens the embedded database in KGREC_DATA_DIR."})
public final class TrainCommand implements Callable<Integer> {
    @Option(names = "--seed", defaultValue = "42", description = "Seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    private final Function<String, String> environment;

    public TrainCommand() {
        this(System::getenv);
    }

    /** @param environment where NEO4J_URI and the other settings are read from */
    TrainCommand(Function<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        try (GraphConnection graph = GraphConnection.open(GraphSettings.from(environment))) {
            ModelTrainer.Trained t = new ModelTrainer(graph).train(seed, PhaseBars.onStandardError());
            System.out.printf(Locale.ROOT, "model %d serves: %d customers, %d items, %d similarities, validation "
                            + "nDCG@10 %.4f, %.1f s%n", t.version(), t.customers(), t.items(), t.similarities(),
                    t.validationNdcg(), t.seconds());
            return 0;
        } catch (ClientException e) {
            System.err.println("training failed: " + e.getMessage());
            return 2;
        }
    }
}
