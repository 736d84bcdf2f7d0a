package io.kgrec.api;

import io.kgrec.api.cli.LoadCommand;
import io.kgrec.api.cli.ServeCommand;
import io.kgrec.api.start.OneLineFailureReport;
import io.kgrec.api.start.StartFailureAnalyzer;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code kgrec} command line: serve, load, query, train, evaluate, audit, audience, warm, help. Without a command it
 * prints its usage and exits with 2, the usage-error code: starting a service is never a default.
 */
@Command(name = "kgrec", mixinStandardHelpOptions = true, version = "kgrec 0.1.0",
        description = "Explainable knowledge-graph recommender on Neo4j.",
        subcommands = {ServeCommand.class, LoadCommand.class, io.kgrec.api.cli.QueryCommand.class,
                io.kgrec.api.cli.TrainCommand.class, io.kgrec.api.cli.EvaluateCommand.class,
                io.kgrec.api.cli.AuditCommand.class, io.kgrec.api.cli.AudienceCommand.class,
                io.kgrec.api.cli.WarmCommand.class,
                CommandLine.HelpCommand.class})
public final class KgrecMain implements Callable<Integer> {
    /** The exit code of a command line that names no command. */
    public static final int USAGE_ERROR = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        quietSlf4j();
        CommandLine cli = commandLine();
        int code = cli.execute(args);
        boolean serving = cli.getParseResult() != null && cli.getParseResult().subcommand() != null
                && cli.getParseResult().subcommand().commandSpec().name().equals("serve") && code == 0;
        // The service keeps running on its own threads. A finished command exits now: the Bolt driver's I/O threads
        // wind down asynchronously after close and would otherwise outlive the launcher's class loader.
        if (!serving) {
            System.exit(code);
        }
    }

    /**
     * The command line as {@link #main} runs it: a command that cannot open the embedded database because its Bolt
     * port is taken (say {@code load} beside a running {@code serve}) says so in one line rather than a stack trace.
     */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new KgrecMain());
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            var analysis = StartFailureAnalyzer.analysis(e);
            if (analysis.isEmpty()) {
                throw e;
            }
            OneLineFailureReport.print(analysis.get(), command.getErr());
            return 1;
        });
        return cli;
    }

    /**
     * Neo4j ships its own SLF4J bridge; naming ours spares SLF4J choosing one and warning about it. SLF4J 2 still
     * reports the provider it connects to on stderr unless its own verbosity is lowered. Both settings take effect only
     * before the first LoggerFactory call.
     */
    static void quietSlf4j() {
        System.setProperty("slf4j.provider", "ch.qos.logback.classic.spi.LogbackServiceProvider");
        System.setProperty("slf4j.internal.verbosity", "WARN");
    }

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("Missing command: say which one, e.g. kgrec serve.");
        spec.commandLine().usage(spec.commandLine().getErr());
        return USAGE_ERROR;
    }
}
