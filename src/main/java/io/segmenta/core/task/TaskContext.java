package io.segmenta.core.task;

/**
 * What a long-running core function reports to and asks of its caller: progress and cancellation.
 * Pure Java so the same core code runs under the GUI task runner, the CLI and tests.
 */
public interface TaskContext {

    /** Reports progress; {@code total <= 0} means indeterminate. Must be cheap; callers may call it often. */
    void progress(long done, long total, String message);

    /** True once the user asked to cancel. */
    boolean isCancelled();

    /** Throws {@link CancelledException} when cancellation was requested. */
    default void checkCancelled() {
        if (isCancelled()) throw new CancelledException();
    }

    /** A context that ignores progress and is never cancelled. */
    TaskContext NONE = new TaskContext() {
        @Override public void progress(long done, long total, String message) { }
        @Override public boolean isCancelled() { return false; }
    };
}
