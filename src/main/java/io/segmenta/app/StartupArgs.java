package io.segmenta.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Which project the GUI opens at start. */
public final class StartupArgs {
    public static final Path SAMPLE = Path.of("sample-projects", "sample.segmenta");

    private StartupArgs() { }

    /**
     * "gui P" or a single "P.segmenta" → P; no arguments → the most recent project that still exists, else the
     * sample project under {@code workingDir} if it exists, else nothing (an empty project).
     */
    public static Optional<Path> projectToOpen(List<String> args, List<Path> recent, Path workingDir) {
        if (!args.isEmpty()) {
            if ("gui".equals(args.get(0))) {
                return args.size() > 1 ? Optional.of(Path.of(args.get(1))) : fallback(recent, workingDir);
            }
            if (args.size() == 1 && args.get(0).endsWith(".segmenta")) return Optional.of(Path.of(args.get(0)));
            return Optional.empty();
        }
        return fallback(recent, workingDir);
    }

    private static Optional<Path> fallback(List<Path> recent, Path workingDir) {
        for (Path p : recent) if (Files.isRegularFile(p)) return Optional.of(p);
        Path sample = workingDir.resolve(SAMPLE);
        return Files.isRegularFile(sample) ? Optional.of(sample) : Optional.empty();
    }
}
