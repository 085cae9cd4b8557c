package io.segmenta.app.ui;

/** A short, already localised message shown as a toast: the result of an action or an error. */
public record Notice(Kind kind, String message) {
    public enum Kind { INFO, SUCCESS, ERROR }

    public Notice {
        if (kind == null) throw new IllegalArgumentException("kind");
        message = message == null ? "" : message;
    }
}
