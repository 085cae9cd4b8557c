package io.segmenta.core.project;

import io.segmenta.core.task.TaskContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Kills a child JVM while it saves a large project over an existing one; the old project must survive. */
class InterruptedSaveTest {

    @TempDir
    Path dir;

    @Test
    void killingASaveMidwayLeavesThePreviousProjectOpenable() throws Exception {
        Path file = dir.resolve("clientes.segmenta");
        Project previous = new Project(List.of(ProjectFixtures.imported(ProjectFixtures.everyType("clientes"))),
                List.of(ProjectFixtures.artifact("segmentation", "k=4", new byte[]{9, 8, 7})));
        ProjectStore.save(previous, file, TaskContext.NONE);
        byte[] before = Files.readAllBytes(file);

        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-Xmx1g", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), SaveChild.class.getName(),
                file.toString(), "2500000", "8");
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process child = pb.start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
                // the first column is written and the transaction is open: kill it now
                if (line.startsWith("PROGRESS")) break;
            }
            child.destroyForcibly();
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(lines).as("the child reached the middle of its save").contains("SAVING").anyMatch(l -> l.startsWith("PROGRESS 1/"));
        assertThat(lines).doesNotContain("DONE");

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        ProjectFixtures.assertSameProject(ProjectStore.open(file), previous);
        assertThat(ProjectStore.info(file).datasets()).extracting(ProjectInfo.DatasetSummary::name).containsExactly("clientes");

        // the next save still works and replaces the content
        Project next = Project.empty().withDataset(ProjectFixtures.derived(ProjectFixtures.empty("after")));
        ProjectStore.save(next, file, TaskContext.NONE);
        ProjectFixtures.assertSameProject(ProjectStore.open(file), next);
    }
}
