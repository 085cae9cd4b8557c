package io.segmenta.app.models;

import io.segmenta.core.model.ModelIO;
import io.segmenta.core.util.I18n;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The file choosers of the Models section (a CSV file to score, export scored rows, export and import a
 * model file). Injected
 * into the view model so that tests answer them; the application uses {@link #fx()}, native dialogs owned by
 * the focused window.
 */
public interface ModelsDialogs {

    /** A CSV file, outside the project, to score with the selected model; empty when the user cancelled. */
    Optional<Path> chooseCsvToScore();

    /** Where to write the scored rows as CSV; empty when the user cancelled. */
    Optional<Path> chooseScoredCsvTarget(String suggestedName);

    /** Where to export a model file; empty when the user cancelled. */
    Optional<Path> chooseModelExportTarget(String suggestedName);

    /** A model file to import; empty when the user cancelled. */
    Optional<Path> chooseModelToImport();

    /** {@code p} ending in {@code extension} (added when missing). */
    static Path withExtension(Path p, String extension) {
        String n = p.getFileName().toString();
        return n.toLowerCase(Locale.ROOT).endsWith(extension) ? p : p.resolveSibling(n + extension);
    }

    /** Native dialogs owned by the window that has the focus; remembers the last folder. */
    static ModelsDialogs fx() {
        return new ModelsDialogs() {
            private File last;

            private FileChooser chooser(String titleKey, String filterKey, String pattern) {
                FileChooser fc = new FileChooser();
                fc.setTitle(I18n.tr(titleKey));
                if (last != null) fc.setInitialDirectory(last);
                fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(I18n.tr(filterKey), pattern));
                return fc;
            }

            private Window owner() {
                return Window.getWindows().stream().filter(Window::isFocused).findFirst()
                        .orElse(Window.getWindows().isEmpty() ? null : Window.getWindows().get(0));
            }

            private Optional<Path> remember(File f, String extension) {
                if (f == null) return Optional.empty();
                last = f.getParentFile();
                return Optional.of(extension == null ? f.toPath() : withExtension(f.toPath(), extension));
            }

            @Override
            public Optional<Path> chooseCsvToScore() {
                FileChooser fc = chooser("ui.models.dialog.scoreFile", "ui.models.filter.csv", "*.csv");
                return remember(fc.showOpenDialog(owner()), null);
            }

            @Override
            public Optional<Path> chooseScoredCsvTarget(String suggestedName) {
                FileChooser fc = chooser("ui.models.dialog.exportScored", "ui.models.filter.csv", "*.csv");
                fc.setInitialFileName(suggestedName);
                return remember(fc.showSaveDialog(owner()), ".csv");
            }

            @Override
            public Optional<Path> chooseModelExportTarget(String suggestedName) {
                FileChooser fc = chooser("ui.models.dialog.exportModel", "ui.models.filter.model", "*" + ModelIO.EXTENSION);
                fc.setInitialFileName(suggestedName);
                return remember(fc.showSaveDialog(owner()), ModelIO.EXTENSION);
            }

            @Override
            public Optional<Path> chooseModelToImport() {
                FileChooser fc = chooser("ui.models.dialog.importModel", "ui.models.filter.model", "*" + ModelIO.EXTENSION);
                return remember(fc.showOpenDialog(owner()), null);
            }
        };
    }
}
