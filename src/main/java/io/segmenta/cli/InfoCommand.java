package io.segmenta.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "info", mixinStandardHelpOptions = true, description = "(being written)")
public final class InfoCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 0;
    }
}
