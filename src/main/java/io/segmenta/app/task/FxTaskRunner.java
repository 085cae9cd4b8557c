package io.segmenta.app.task;

import io.segmenta.core.task.CancelledException;
import io.segmenta.core.task.TaskContext;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs work on a pool of daemon threads and publishes progress, messages and results on the JavaFX
 * application thread. Progress reports are coalesced: however often the work reports, at most one update
 * per task is queued on the FX thread at a time, so a tight import loop cannot flood the UI.
 */
public final class FxTaskRunner implements TaskRunner {
    private final ExecutorService executor;
    private final ObservableList<TaskHandle<?>> running = FXCollections.observableArrayList();
    private final ObservableList<TaskHandle<?>> readOnly = FXCollections.unmodifiableObservableList(running);

    public FxTaskRunner() { this(Math.max(2, Runtime.getRuntime().availableProcessors())); }

    public FxTaskRunner(int threads) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "segmenta-task-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.executor = Executors.newFixedThreadPool(threads, factory);
    }

    private record Update(double progress, String message) { }

    @Override
    public <T> TaskHandle<T> submit(String title, Function<TaskContext, T> work, Consumer<? super T> onSuccess,
                                    Consumer<? super Throwable> onFailure, Runnable onCancelled) {
        TaskHandle<T> handle = new TaskHandle<>(title);
        if (executor.isShutdown()) {
            // the app (or a test) is closing: late work, e.g. from a debounce timer, is dropped, not run
            handle.cancel();
            onFx(() -> handle.setState(TaskHandle.State.CANCELLED));
            return handle;
        }
        onFx(() -> running.add(handle));
        AtomicReference<Update> pending = new AtomicReference<>();
        AtomicBoolean scheduled = new AtomicBoolean();
        TaskContext ctx = new TaskContext() {
            @Override public void progress(long done, long total, String message) {
                pending.set(new Update(total > 0 ? Math.min(1.0, (double) done / total) : -1, message));
                if (scheduled.compareAndSet(false, true)) {
                    Platform.runLater(() -> {
                        scheduled.set(false);
                        Update u = pending.get();
                        if (u != null && !handle.isDone()) {
                            handle.setProgress(u.progress());
                            if (u.message() != null) handle.setMessage(u.message());
                        }
                    });
                }
            }

            @Override public boolean isCancelled() { return handle.isCancelRequested(); }
        };
        try {
            executor.execute(() -> {
                T result;
                try {
                    result = work.apply(ctx);
                } catch (CancelledException e) {
                    Platform.runLater(() -> finish(handle, TaskHandle.State.CANCELLED, onCancelled));
                    return;
                } catch (Throwable e) {
                    Platform.runLater(() -> finish(handle, TaskHandle.State.FAILED, () -> onFailure.accept(e)));
                    return;
                }
                Platform.runLater(() -> {
                    if (handle.isCancelRequested()) {
                        finish(handle, TaskHandle.State.CANCELLED, onCancelled);
                    } else {
                        handle.setProgress(1);
                        finish(handle, TaskHandle.State.SUCCEEDED, () -> onSuccess.accept(result));
                    }
                });
            });
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            onFx(() -> finish(handle, TaskHandle.State.CANCELLED, () -> { }));
        }
        return handle;
    }

    private void finish(TaskHandle<?> handle, TaskHandle.State state, Runnable callback) {
        running.remove(handle);
        handle.setState(state);
        callback.run();
    }

    private static void onFx(Runnable r) {
        if (Platform.isFxApplicationThread()) r.run(); else Platform.runLater(r);
    }

    @Override
    public ObservableList<TaskHandle<?>> running() { return readOnly; }

    @Override
    public void shutdown() {
        onFx(() -> running.forEach(TaskHandle::cancel));
        executor.shutdownNow();
    }
}
