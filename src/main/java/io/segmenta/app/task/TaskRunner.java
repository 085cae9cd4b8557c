package io.segmenta.app.task;

import io.segmenta.core.task.TaskContext;
import javafx.collections.ObservableList;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The one way the application runs work off the UI thread (file I/O, preview, import, open, save, join).
 *
 * <p>Exactly one of the callbacks runs per task, on the thread that owns the UI (the FX thread for
 * {@link FxTaskRunner}, the caller for {@link SameThreadTaskRunner}):
 * <ul>
 *   <li>{@code onSuccess} with the result,</li>
 *   <li>{@code onCancelled} when the handle was cancelled or the work threw
 *       {@link io.segmenta.core.task.CancelledException}; a result computed after cancellation is dropped,
 *       so cancelled work never changes application state,</li>
 *   <li>{@code onFailure} with any other exception.</li>
 * </ul>
 */
public interface TaskRunner {

    <T> TaskHandle<T> submit(String title, Function<TaskContext, T> work, Consumer<? super T> onSuccess,
                             Consumer<? super Throwable> onFailure, Runnable onCancelled);

    default <T> TaskHandle<T> submit(String title, Function<TaskContext, T> work, Consumer<? super T> onSuccess,
                                     Consumer<? super Throwable> onFailure) {
        return submit(title, work, onSuccess, onFailure, () -> { });
    }

    /** Tasks submitted and not yet finished, oldest first; read-only, changes on the UI thread. */
    ObservableList<TaskHandle<?>> running();

    /** Cancels running work and releases threads. */
    void shutdown();
}
