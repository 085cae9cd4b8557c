package io.segmenta.core.util;

import java.util.Locale;
import java.util.Objects;

/**
 * A problem the user can act on (bad input, missing file, impossible request). It carries a message key
 * so the GUI and CLI show it in the user's language, and where it applies the file, line and column.
 * Never shown with a stack trace.
 */
public class UserException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final transient Object[] args;

    public UserException(String key, Object... args) {
        this(null, key, args);
    }

    public UserException(Throwable cause, String key, Object... args) {
        super(I18n.tr(Locale.ENGLISH, key, args), cause);
        this.key = Objects.requireNonNull(key);
        this.args = args == null ? new Object[0] : args.clone();
    }

    public String key() { return key; }

    public Object[] args() { return args.clone(); }

    /** The message in the application's current language. */
    @Override
    public String getLocalizedMessage() {
        return I18n.tr(key, args);
    }
}
