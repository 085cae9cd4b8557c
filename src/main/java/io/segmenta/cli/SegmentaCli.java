package io.segmenta.cli;

import io.segmenta.core.util.UserException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * Root of the command-line interface. Exit codes: 0 success, 2 usage error, 3 bad input (message on
 * stderr, never a stack trace), 1 unexpected internal error.
 */
@Command(name = "segmenta",
        mixinStandardHelpOptions = true,
        versionProvider = SegmentaCli.Version.class,
        description = "Segmenta — a workbench for predictive marketing. Run without arguments to open the app.",
        subcommands = {ImportCommand.class, InfoCommand.class, BenchCommand.class, JoinCommand.class, SampleCommand.class, ProfileCommand.class, ElbowCommand.class, SegmentCommand.class, TrainCommand.class, ScoreCommand.class, CampaignCommand.class, AbtestCommand.class, ClvCommand.class, CommandLine.HelpCommand.class})
public final class SegmentaCli implements Runnable {
    public static final int EXIT_OK = 0;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_BAD_INPUT = 3;
    public static final int EXIT_INTERNAL = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command. Try: segmenta --help");
    }

    /** Runs the CLI and returns the exit code (does not call System.exit). */
    public static int run(String... args) {
        return commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args);
    }

    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new SegmentaCli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(ex -> ex instanceof CommandLine.ParameterException ? EXIT_USAGE
                : ex instanceof UserException ? EXIT_BAD_INPUT : EXIT_INTERNAL);
        // a usage error is its sentence and where to find the options, not the whole help after it
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            java.io.PrintWriter w = c.getErr();
            w.println("segmenta: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, w);
            w.println(io.segmenta.core.util.I18n.tr("cli.seeHelp", c.getCommandSpec().qualifiedName()));
            w.flush();
            return EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof UserException ue) {
                commandLine.getErr().println("segmenta: " + ue.getLocalizedMessage());
                commandLine.getErr().flush();
                return EXIT_BAD_INPUT;
            }
            commandLine.getErr().println("segmenta: " + io.segmenta.core.util.I18n.tr("cli.internalError", String.valueOf(ex)));
            commandLine.getErr().flush();
            return EXIT_INTERNAL;
        });
        return cl;
    }

    /** Version from the jar manifest, else the build's. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"Segmenta " + version()};
        }
    }

    public static String version() {
        String v = SegmentaCli.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-dev" : v;
    }
}
