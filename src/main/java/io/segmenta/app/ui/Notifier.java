package io.segmenta.app.ui;

import io.segmenta.core.util.I18n;
import io.segmenta.core.util.UserException;

/** Where view models report results and errors for the user to see. */
@FunctionalInterface
public interface Notifier {
    void notify(Notice notice);

    default void success(String message) { notify(new Notice(Notice.Kind.SUCCESS, message)); }

    default void info(String message) { notify(new Notice(Notice.Kind.INFO, message)); }

    default void error(String message) { notify(new Notice(Notice.Kind.ERROR, message)); }

    /**
     * The text to show for a failure: a {@link UserException}'s message in the current language, otherwise a
     * generic sentence with the technical detail.
     */
    static String describe(Throwable t) {
        Throwable c = t;
        while (c != null) {
            if (c instanceof UserException ue) return ue.getLocalizedMessage();
            c = c.getCause() == c ? null : c.getCause();
        }
        String detail = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return I18n.tr("ui.error.unexpected", detail);
    }

    Notifier NONE = n -> { };
}
