package io.kgrec.api;

import io.kgrec.api.cli.LoadCommand;
import io.kgrec.api.cli.ServeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code kgrec} command line: serve, load, query, train, evaluate. */
@Command(name = "kgrec", mixinStandardHelpOptions = true, version = "kgrec 0.1.0",
        description = "Explainable knowledge-graph recommender on Neo4j.",
        subcommands = {ServeCommand.class, LoadCommand.class, io.kgrec.api.cli.QueryCommand.class,
                io.kgrec.api.cli.TrainCommand.class, io.kgrec.api.cli.EvaluateCommand.class,
                io.kgrec.api.cli.AuditCommand.class, io.kgrec.api.cli.AudienceCommand.class})
public final class KgrecMain implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // Neo4j ships its own SLF4J bridge; name ours so SLF4J does not have to pick one and warn about it.
        System.setProperty("slf4j.provider", "ch.qos.logback.classic.spi.LogbackServiceProvider");
        CommandLine cli = new CommandLine(new KgrecMain());
        int code = cli.execute(args.length == 0 ? new String[] {"serve"} : args);
        boolean serving = cli.getParseResult() != null && cli.getParseResult().subcommand() != null
                && cli.getParseResult().subcommand().commandSpec().name().equals("serve") && code == 0;
        // The service keeps running on its own threads. A finished command exits now: the Bolt driver's I/O threads
        // wind down asynchronously after close and would otherwise outlive the launcher's class loader.
        if (!serving) {
            System.exit(code);
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
