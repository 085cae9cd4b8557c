package io.segmenta.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every command's --help renders cleanly (no picocli format warnings) and exits 0. */
class CliHelpTest {

    @Test
    void everyCommandHasCleanHelp() {
        List<List<String>> paths = new ArrayList<>();
        collect(SegmentaCli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())), new ArrayList<>(), paths);
        assertThat(paths).hasSizeGreaterThan(10);
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            for (List<String> path : paths) {
                List<String> args = new ArrayList<>(path);
                args.add("--help");
                StringWriter out = new StringWriter();
                int code = SegmentaCli.commandLine(new PrintWriter(out), new PrintWriter(new StringWriter()))
                        .execute(args.toArray(String[]::new));
                assertThat(code).as("segmenta %s --help", String.join(" ", path)).isZero();
                assertThat(out.toString()).as("segmenta %s --help", String.join(" ", path)).contains("Usage: segmenta");
            }
        } finally {
            System.setErr(original);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
    }

    /**
     * The command list shows only a command's first description line, so it must be a whole sentence; every
     * option says what it does.
     */
    @Test
    void everyCommandSummaryIsASentenceAndEveryOptionIsDescribed() {
        List<CommandLine> all = new ArrayList<>();
        walk(SegmentaCli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())), all);
        assertThat(all).hasSizeGreaterThan(10);
        for (CommandLine cl : all) {
            String name = cl.getCommandSpec().qualifiedName();
            String[] description = cl.getCommandSpec().usageMessage().description();
            assertThat(description).as("%s description", name).isNotEmpty();
            assertThat(description[0].strip()).as("%s summary", name).endsWith(".");
            for (CommandLine.Model.OptionSpec o : cl.getCommandSpec().options()) {
                assertThat(String.join(" ", o.description()).strip()).as("%s %s", name, o.longestName()).isNotEmpty();
            }
        }
    }

    private static void walk(CommandLine cl, List<CommandLine> out) {
        out.add(cl);
        for (var e : cl.getSubcommands().entrySet()) if (!e.getKey().equals("help")) walk(e.getValue(), out);
    }

    private static void collect(CommandLine cl, List<String> prefix, List<List<String>> out) {
        for (var e : cl.getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) continue;
            List<String> p = new ArrayList<>(prefix);
            p.add(e.getKey());
            out.add(p);
            collect(e.getValue(), p, out);
        }
    }
}
