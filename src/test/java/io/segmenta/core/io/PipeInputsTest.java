package io.segmenta.core.io;

import io.segmenta.core.project.ProjectStore;
import io.segmenta.core.util.UserException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Inputs that are pipes (or devices) are refused at once: reading one would wait forever for a writer. */
class PipeInputsTest {
    @TempDir
    Path dir;

    private Path fifo(String name) throws IOException, InterruptedException {
        Path p = dir.resolve(name);
        boolean made;
        try {
            made = new ProcessBuilder("mkfifo", p.toString()).start().waitFor() == 0 && Files.exists(p);
        } catch (IOException e) {
            made = false;
        }
        Assumptions.assumeTrue(made, "mkfifo unavailable");
        return p;
    }

    @Test
    void aPipeAsProjectOrDataDictionaryIsRefusedWithoutWaiting() throws Exception {
        // regression: info, profile --project and import --project/--dictionary on a pipe hung
        Path project = fifo("p.segmenta");
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertThatThrownBy(() -> ProjectStore.open(project)).isInstanceOf(UserException.class).hasMessageContaining("p.segmenta");
            assertThatThrownBy(() -> ProjectStore.info(project)).isInstanceOf(UserException.class);
        });
        Path dictionary = fifo("dictionary.csv");
        assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                assertThatThrownBy(() -> DataDictionary.read(dictionary)).isInstanceOf(UserException.class)
                        .hasMessageContaining("not an ordinary file"));
    }
}
