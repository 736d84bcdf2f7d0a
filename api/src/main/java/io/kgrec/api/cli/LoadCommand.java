package io.kgrec.api.cli;

import io.kgrec.api.graph.GraphConnection;
import io.kgrec.api.graph.GraphSettings;
import io.kgrec.loader.LoadException;
import io.kgrec.loader.LoadResult;
import io.kgrec.loader.Loader;
import io.kgrec.loader.source.Source;
import io.kgrec.loader.write.WriteSettings;
import io.kgrec.model.schema.InteractionType;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kgrec load}: loads a dataset folder into the graph. */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Loads a dataset folder into the graph, cleaning it and quarantining bad rows with their "
                + "reasons; then refreshes the customer profiles. Loading the same files again changes nothing; a "
                + "new file of interactions adds its own; an edited file replaces its own.",
                "Connects to NEO4J_URI when set, otherwise opens the embedded database in KGREC_DATA_DIR "
                        + "(stop a running 'kgrec serve' on the same folder first, or point NEO4J_URI at its Bolt port)."})
public final class LoadCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "The dataset folder.")
    Path folder;

    @Option(names = "--format", description = "canonical (shared/eval/FORMAT.md), completejourney (native CSV), "
            + "movielens (MovieLens 100K u.item/u.user/u.data), kgcn (Last.fm/Satori: user_artists.dat, "
            + "item_index2entity_id.txt, kg.txt) or mapping (any CSV/TSV export, with --mapping). "
            + "Default: ${DEFAULT-VALUE}.", defaultValue = "canonical")
    LoadFormat format;

    @Option(names = "--mapping", description = "mapping only: the JSON file describing the export "
            + "(see loader/mappings/).")
    Path mapping;

    @Option(names = "--interactions", description = "canonical: the interactions file, relative to the folder "
            + "(default interactions.tsv), e.g. split/train.tsv; kgcn: the plays file (default user_artists.dat).")
    Path interactions;

    @Option(names = "--interaction-type", description = "canonical and kgcn: the type of the interactions: PURCHASED, "
            + "RATED, VIEWED, LISTENED, CLICKED or INTERACTED. Default: INTERACTED (canonical), LISTENED (kgcn).")
    InteractionType interactionType;

    @Option(names = "--rating-scale", description = "canonical (RATED) and movielens: the ratings allowed, "
            + "min-max[/step]. Default: 0.5-5/0.5 (canonical), 1-5 (movielens).")
    String ratingScale;

    @Option(names = "--encoding", description = "The files' character encoding when the format or mapping does "
            + "not state one, e.g. ISO-8859-1 or windows-1252. Default: UTF-8 (movielens: ISO-8859-1).")
    Charset encoding;

    @Option(names = "--date-format", description = "A java.time pattern for dates that are neither ISO nor epoch "
            + "numbers, e.g. dd/MM/yyyy HH:mm (day/month orders are otherwise rejected as ambiguous).")
    String dateFormat;

    @Option(names = "--quarantine", description = "Where rejected rows go. Default: ${DEFAULT-VALUE}.",
            defaultValue = "quarantine.tsv")
    Path quarantine;

    @Option(names = "--timezone", description = "Zone of local timestamps without an offset. Default: ${DEFAULT-VALUE}.",
            defaultValue = "UTC")
    ZoneId zone;

    @Option(names = "--writers", description = "Concurrent write sessions. Default: ${DEFAULT-VALUE}.",
            defaultValue = "1")
    int writers;

    @Option(names = "--batch-size", description = "Rows per write transaction. Default: ${DEFAULT-VALUE}.",
            defaultValue = "10000")
    int batchSize;

    @Override
    public Integer call() {
        Source source;
        try {
            source = format.source(this);
        } catch (LoadException | IllegalArgumentException e) {
            System.err.println("load stopped, nothing was written: " + e.getMessage());
            return 2;
        }
        try (GraphConnection graph = GraphConnection.open(GraphSettings.from(System::getenv))) {
            System.out.println("loading " + source.describe());
            Loader loader = new Loader(graph.driver(), graph.database(), new WriteSettings(batchSize, writers))
                    .withEncoding(encoding)
                    .beforeWriting(report -> System.out.printf("read and cleaned %,d rows; writing the graph%n",
                            report.totalRead()));
            if (dateFormat != null) {
                loader.withDateFormat(dateFormat);
            }
            LoadResult result = loader.load(List.of(source), quarantine, zone);
            result.print(System.out);
            return 0;
        } catch (LoadException | IllegalArgumentException e) {
            System.err.println("load stopped, nothing was written: " + e.getMessage());
            return 2;
        }
    }
}
