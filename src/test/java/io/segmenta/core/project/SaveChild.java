package io.segmenta.core.project;

import io.segmenta.core.task.TaskContext;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Child process of {@link InterruptedSaveTest}: saves a large generated project to {@code args[0]}
 * ({@code args[1]} rows × {@code args[2]} columns) and prints a line per progress report so the parent
 * can kill it while the save is writing.
 */
public final class SaveChild {
    private SaveChild() { }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int rows = Integer.parseInt(args[1]);
        int columns = Integer.parseInt(args[2]);
        Project p = Project.empty().withDataset(new DatasetEntry(ProjectBench.generate("new", rows, columns, 3),
                "generated", null, List.of(), null, Instant.now(), null));
        System.out.println("SAVING");
        System.out.flush();
        ProjectStore.save(p, file, new TaskContext() {
            @Override public void progress(long done, long total, String message) {
                System.out.println("PROGRESS " + done + "/" + total);
                System.out.flush();
            }
            @Override public boolean isCancelled() { return false; }
        });
        System.out.println("DONE");
        System.out.flush();
    }
}
