package io.segmenta.app.task;

import io.segmenta.core.task.CancelledException;
import io.segmenta.core.task.TaskContext;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs each task synchronously inside {@link #submit}, publishing progress and the result on the calling
 * thread. For tests of view models: no threads, no waiting, deterministic order.
 */
public final class SameThreadTaskRunner implements TaskRunner {
    private final ObservableList<TaskHandle<?>> running = FXCollections.observableArrayList();
    private final ObservableList<TaskHandle<?>> readOnly = FXCollections.unmodifiableObservableList(running);
    private int submitted;

    @Override
    public <T> TaskHandle<T> submit(String title, Function<TaskContext, T> work, Consumer<? super T> onSuccess,
                                    Consumer<? super Throwable> onFailure, Runnable onCancelled) {
        submitted++;
        TaskHandle<T> handle = new TaskHandle<>(title);
        running.add(handle);
        TaskContext ctx = new TaskContext() {
            @Override public void progress(long done, long total, String message) {
                handle.setProgress(total > 0 ? Math.min(1.0, (double) done / total) : -1);
                if (message != null) handle.setMessage(message);
            }

            @Override public boolean isCancelled() { return handle.isCancelRequested(); }
        };
        T result;
        try {
            result = work.apply(ctx);
        } catch (CancelledException e) {
            finishCancelled(handle, onCancelled);
            return handle;
        } catch (RuntimeException | Error e) {
            running.remove(handle);
            handle.setState(TaskHandle.State.FAILED);
            onFailure.accept(e);
            return handle;
        }
        if (handle.isCancelRequested()) {
            finishCancelled(handle, onCancelled);
            return handle;
        }
        running.remove(handle);
        handle.setProgress(1);
        handle.setState(TaskHandle.State.SUCCEEDED);
        onSuccess.accept(result);
        return handle;
    }

    private void finishCancelled(TaskHandle<?> handle, Runnable onCancelled) {
        running.remove(handle);
        handle.setState(TaskHandle.State.CANCELLED);
        onCancelled.run();
    }

    /** How many tasks were submitted so far (lets tests check that work went through the runner). */
    public int submittedCount() { return submitted; }

    @Override
    public ObservableList<TaskHandle<?>> running() { return readOnly; }

    @Override
    public void shutdown() { running.forEach(TaskHandle::cancel); }
}
