package io.segmenta.app.clv;

import io.segmenta.core.util.I18n;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The file chooser of the Customer value section (export the per-customer table). Injected into the view
 * model so that tests answer it; the application uses {@link #fx()}.
 */
public interface ClvDialogs {

    /** Where to write the per-customer table as CSV; empty when the user cancelled. */
    Optional<Path> chooseCsvTarget(String suggestedName);

    /** {@code p} ending in ".csv" (added when missing). */
    static Path withCsvExtension(Path p) {
        String n = p.getFileName().toString();
        return n.toLowerCase(Locale.ROOT).endsWith(".csv") ? p : p.resolveSibling(n + ".csv");
    }

    /** A native save dialog owned by the focused window; remembers the last folder. */
    static ClvDialogs fx() {
        return new ClvDialogs() {
            private File last;

            @Override
            public Optional<Path> chooseCsvTarget(String suggestedName) {
                FileChooser fc = new FileChooser();
                fc.setTitle(I18n.tr("ui.clv.dialog.export"));
                if (last != null) fc.setInitialDirectory(last);
                fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(I18n.tr("ui.clv.filter.csv"), "*.csv"));
                fc.setInitialFileName(suggestedName);
                Window owner = Window.getWindows().stream().filter(Window::isFocused).findFirst()
                        .orElse(Window.getWindows().isEmpty() ? null : Window.getWindows().get(0));
                File f = fc.showSaveDialog(owner);
                if (f == null) return Optional.empty();
                last = f.getParentFile();
                return Optional.of(withCsvExtension(f.toPath()));
            }
        };
    }
}
