package io.segmenta.app.task;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A piece of background work as the UI sees it: a title, its progress (0..1, or -1 while indeterminate),
 * the last message reported, its state and a way to cancel it. The properties change only on the thread
 * that publishes results (the FX thread for {@link FxTaskRunner}); {@link #cancel()} may be called from any
 * thread.
 *
 * @param <T> type of the work's result
 */
public final class TaskHandle<T> {

    /** Life cycle of a task. */
    public enum State { RUNNING, SUCCEEDED, FAILED, CANCELLED }

    private final String title;
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.RUNNING);

    TaskHandle(String title) {
        this.title = title;
    }

    public String title() { return title; }

    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }

    public double getProgress() { return progress.get(); }

    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    public String getMessage() { return message.get(); }

    public ReadOnlyObjectProperty<State> stateProperty() { return state.getReadOnlyProperty(); }

    public State getState() { return state.get(); }

    public boolean isDone() { return state.get() != State.RUNNING; }

    /** Asks the work to stop; the work sees it through {@code TaskContext.isCancelled()}. */
    public void cancel() { cancelRequested.set(true); }

    public boolean isCancelRequested() { return cancelRequested.get(); }

    void setProgress(double p) { progress.set(p); }

    void setMessage(String m) { message.set(m == null ? "" : m); }

    void setState(State s) { state.set(s); }

    @Override
    public String toString() { return "TaskHandle[" + title + ", " + state.get() + "]"; }
}
