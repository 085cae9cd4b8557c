package io.segmenta.cli;

import io.segmenta.core.sample.SampleData;
import io.segmenta.core.sample.SampleDataGenerator;
import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.I18n;
import io.segmenta.core.util.UserException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code segmenta sample --out DIR [--customers 20000] [--seed 42]}: writes the synthetic Spanish customer
 * base (customers.csv, transactions.csv, provinces.csv and README.txt) into DIR.
 */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Writes a synthetic Spanish customer base with its transactions and a province table (same seed, same files).")
public final class SampleCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write into (created if needed).")
    Path out;

    @Option(names = "--customers", paramLabel = "N", description = "Number of customers (default: ${DEFAULT-VALUE}).")
    int customers = SampleDataGenerator.DEFAULT_CUSTOMERS;

    @Option(names = "--seed", paramLabel = "SEED", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed = SampleDataGenerator.DEFAULT_SEED;

    @Option(names = "--force", description = "Overwrite the files of an earlier sample in --out (refused otherwise).")
    boolean force;

    @Override
    public Integer call() {
        if (out.toString().isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(), I18n.tr("data.sample.cli.blankOut"));
        }
        if (!force) {
            for (String f : SampleDataGenerator.FILES) {
                Path p = out.resolve(f);
                if (Files.exists(p)) throw new UserException("data.sample.cli.exists", p.toString(), out.toString());
            }
        }
        SampleData data = SampleDataGenerator.generate(customers, seed, TaskContext.NONE);
        List<Path> files = SampleDataGenerator.write(data, out, TaskContext.NONE);
        PrintWriter w = spec.commandLine().getOut();
        w.println(I18n.tr("data.sample.cli.summary", data.customers().rowCount(), data.transactions().rowCount(),
                data.provinces().rowCount(), String.valueOf(seed)));
        for (Path f : files) w.println(I18n.tr("data.sample.cli.wrote", f.toString()));
        w.flush();
        return SegmentaCli.EXIT_OK;
    }
}
