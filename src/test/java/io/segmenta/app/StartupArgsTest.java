package io.segmenta.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class StartupArgsTest {
    @Test
    void explicitProjectWins(@TempDir Path dir) {
        assertThat(StartupArgs.projectToOpen(List.of("gui", "x.segmenta"), List.of(), dir)).contains(Path.of("x.segmenta"));
        assertThat(StartupArgs.projectToOpen(List.of("y.segmenta"), List.of(), dir)).contains(Path.of("y.segmenta"));
    }

    @Test
    void noArgumentsOpenTheMostRecentExistingThenTheSampleThenNothing(@TempDir Path dir) throws Exception {
        assertThat(StartupArgs.projectToOpen(List.of(), List.of(dir.resolve("gone.segmenta")), dir)).isEqualTo(Optional.empty());
        Path sample = dir.resolve(StartupArgs.SAMPLE);
        Files.createDirectories(sample.getParent());
        Files.writeString(sample, "x");
        assertThat(StartupArgs.projectToOpen(List.of(), List.of(dir.resolve("gone.segmenta")), dir)).contains(sample);
        Path recent = Files.writeString(dir.resolve("recent.segmenta"), "x");
        assertThat(StartupArgs.projectToOpen(List.of(), List.of(recent), dir)).contains(recent);
    }
}
