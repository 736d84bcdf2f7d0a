package io.kgrec.api;

import io.kgrec.api.cli.LoadCommand;
import io.kgrec.api.cli.ServeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code kgrec} command line: {@code serve}, {@code load}. */
@Command(name = "kgrec", mixinStandardHelpOptions = true, version = "kgrec 0.1.0",
        description = "Explainable knowledge-graph recommender on Neo4j.",
        subcommands = {ServeCommand.class, LoadCommand.class})
public final class KgrecMain implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int code = new CommandLine(new KgrecMain()).execute(args.length == 0 ? new String[] {"serve"} : args);
        if (code != 0) {
            System.exit(code);
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
