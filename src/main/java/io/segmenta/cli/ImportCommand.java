package io.segmenta.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "import", mixinStandardHelpOptions = true, description = "(being written)")
public final class ImportCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 0;
    }
}
