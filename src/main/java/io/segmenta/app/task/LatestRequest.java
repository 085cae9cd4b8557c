package io.segmenta.app.task;

import io.segmenta.app.ui.Notifier;
import io.segmenta.core.task.TaskContext;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.util.Duration;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One recomputed result (a chart, a profile, a preview, a count) whose inputs change faster than it can
 * be computed. Each {@link #request} bumps a generation; after a quiet period (the debounce) the inputs are
 * read on the FX thread by the {@code prepare} supplier, which returns the work to run through the
 * {@link TaskRunner}; the previous run is cancelled, and a result is published only if no newer request was
 * made meanwhile. So a burst of changes computes once, and a slow old result never overwrites a newer one.
 *
 * @param <T> the result type
 */
public final class LatestRequest<T> {
    private final TaskRunner runner;
    private final String title;
    private final Duration debounce;
    private final ReadOnlyObjectWrapper<T> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private long generation;
    private long published;
    private Supplier<Function<TaskContext, T>> pending;
    private PauseTransition pause;
    private TaskHandle<T> running;

    /**
     * @param title    shown with the runner's progress
     * @param debounce quiet period before computing; {@link Duration#ZERO} computes at once (tests)
     */
    public LatestRequest(TaskRunner runner, String title, Duration debounce) {
        this.runner = runner;
        this.title = title;
        this.debounce = debounce;
    }

    public ReadOnlyObjectProperty<T> resultProperty() { return result.getReadOnlyProperty(); }

    public T get() { return result.get(); }

    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    /** The last failure in the user's language, or null. */
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }

    /** Requests made so far; the newest one is the only one that may publish. */
    public long generation() { return generation; }

    /** Generation of the request whose result (or error) is shown; 0 before the first. */
    public long publishedGeneration() { return published; }

    /**
     * Asks for a new result. {@code prepare} runs later on the FX thread, reads the inputs as they are
     * then and returns the work (run on a worker), or null when there is nothing to compute (clears).
     */
    public void request(Supplier<Function<TaskContext, T>> prepare) {
        generation++;
        pending = prepare;
        busy.set(true);
        if (debounce.lessThanOrEqualTo(Duration.ZERO)) {
            fire();
        } else {
            if (pause == null) {
                pause = new PauseTransition(debounce);
                pause.setOnFinished(e -> fire());
            }
            pause.playFromStart();
        }
    }

    /** Drops the result and any pending or running request. */
    public void clear() {
        generation++;
        pending = null;
        if (pause != null) pause.stop();
        cancelRunning();
        published = generation;
        result.set(null);
        error.set(null);
        busy.set(false);
    }

    private void fire() {
        Supplier<Function<TaskContext, T>> p = pending;
        pending = null;
        if (p == null) return;
        long gen = generation;
        cancelRunning();
        Function<TaskContext, T> work;
        try {
            work = p.get();
        } catch (RuntimeException e) {
            publish(gen, null, Notifier.describe(e));
            return;
        }
        if (work == null) {
            publish(gen, null, null);
            return;
        }
        running = runner.submit(title, work,
                r -> publish(gen, r, null),
                err -> publish(gen, null, Notifier.describe(err)),
                () -> {
                    if (gen == generation) busy.set(false);
                });
    }

    private void publish(long gen, T value, String message) {
        if (gen != generation) return; // a newer request is on its way
        published = gen;
        running = null;
        error.set(message);
        result.set(value);
        busy.set(false);
    }

    private void cancelRunning() {
        if (running != null && !running.isDone()) running.cancel();
        running = null;
    }
}
