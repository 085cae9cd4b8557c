package io.segmenta.app.clv;

import io.segmenta.app.ui.FileChoosers;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The file chooser of the Customer value section (export the per-customer table). Injected into the view
 * model so that tests answer it; the application uses {@link #fx()}.
 */
public interface ClvDialogs {

    /** Where to write the per-customer table as CSV; empty when the user cancelled. */
    Optional<Path> chooseCsvTarget(String suggestedName);

    /** A native save dialog owned by the focused window; remembers the last folder. */
    static ClvDialogs fx() {
        FileChoosers files = new FileChoosers();
        return suggestedName -> files.save("ui.clv.dialog.export", suggestedName, ".csv", FileChoosers.filter("ui.clv.filter.csv", "*.csv"));
    }
}
