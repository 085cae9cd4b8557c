package io.segmenta.core.task;

/** Thrown by core functions that stop because the user cancelled them. */
public final class CancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CancelledException() {
        super("Cancelled", null, false, false);
    }
}
