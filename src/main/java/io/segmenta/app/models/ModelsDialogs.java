package io.segmenta.app.models;

import io.segmenta.core.model.ModelIO;
import io.segmenta.app.ui.FileChoosers;
import javafx.stage.FileChooser;

import java.nio.file.Path;
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

    /** Native dialogs owned by the window that has the focus; remembers the last folder. */
    static ModelsDialogs fx() {
        FileChoosers files = new FileChoosers();
        FileChooser.ExtensionFilter csv = FileChoosers.filter("ui.models.filter.csv", "*.csv");
        FileChooser.ExtensionFilter model = FileChoosers.filter("ui.models.filter.model", "*" + ModelIO.EXTENSION);
        return new ModelsDialogs() {
            @Override
            public Optional<Path> chooseCsvToScore() { return files.open("ui.models.dialog.scoreFile", csv); }

            @Override
            public Optional<Path> chooseScoredCsvTarget(String suggestedName) {
                return files.save("ui.models.dialog.exportScored", suggestedName, ".csv", csv);
            }

            @Override
            public Optional<Path> chooseModelExportTarget(String suggestedName) {
                return files.save("ui.models.dialog.exportModel", suggestedName, ModelIO.EXTENSION, model);
            }

            @Override
            public Optional<Path> chooseModelToImport() { return files.open("ui.models.dialog.importModel", model); }
        };
    }
}
