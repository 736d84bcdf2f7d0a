package io.kgrec.api.cli;

import io.kgrec.api.graph.GraphConnection;
import io.kgrec.api.graph.GraphSettings;
import io.kgrec.loader.LoadException;
import io.kgrec.loader.LoadResult;
import io.kgrec.loader.Loader;
import io.kgrec.loader.source.Source;
import io.kgrec.loader.source.canonical.CanonicalSource;
import io.kgrec.loader.source.completejourney.CompleteJourneySource;
import io.kgrec.model.schema.InteractionType;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kgrec load}: loads a dataset folder into the graph. */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Loads a dataset folder into the graph, quarantining bad rows with their reasons.",
                "Connects to NEO4J_URI when set, otherwise opens the embedded database in KGREC_DATA_DIR "
                        + "(stop a running 'kgrec serve' on the same folder first, or point NEO4J_URI at its Bolt port)."})
public final class LoadCommand implements Callable<Integer> {
    enum Format { canonical, completejourney }

    @Parameters(index = "0", description = "The dataset folder.")
    Path folder;

    @Option(names = "--format", description = "canonical (shared/eval/FORMAT.md) or completejourney (native CSV). "
            + "Default: ${DEFAULT-VALUE}.", defaultValue = "canonical")
    Format format;

    @Option(names = "--interactions", description = "Canonical only: the interactions file, relative to the folder "
            + "(default interactions.tsv), e.g. split/train.tsv.")
    Path interactions;

    @Option(names = "--interaction-type", description = "Canonical only: the type of interactions without a type "
            + "column: PURCHASED, RATED, VIEWED, LISTENED, CLICKED or INTERACTED. Default: ${DEFAULT-VALUE}.",
            defaultValue = "INTERACTED")
    InteractionType interactionType;

    @Option(names = "--quarantine", description = "Where rejected rows go. Default: ${DEFAULT-VALUE}.",
            defaultValue = "quarantine.tsv")
    Path quarantine;

    @Option(names = "--timezone", description = "Zone of local timestamps without an offset. Default: ${DEFAULT-VALUE}.",
            defaultValue = "UTC")
    ZoneId zone;

    @Override
    public Integer call() {
        Source source = switch (format) {
            case canonical -> new CanonicalSource(folder, folder.resolve(interactions == null
                    ? Path.of("interactions.tsv") : interactions), interactionType);
            case completejourney -> new CompleteJourneySource(folder);
        };
        try (GraphConnection graph = GraphConnection.open(GraphSettings.from(System::getenv))) {
            System.out.println("loading " + source.describe());
            LoadResult result = new Loader(graph.driver(), graph.database()).load(List.of(source), quarantine, zone);
            result.print(System.out);
            return 0;
        } catch (LoadException e) {
            System.err.println("load stopped, nothing was written: " + e.getMessage());
            return 2;
        }
    }
}
