package io.segmenta.app.models;

import io.segmenta.app.ui.FileChoosers;
import io.segmenta.core.model.ModelIO;
import io.segmenta.core.util.I18n;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.List;
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

    /**
     * Whether adding scores may replace {@code columns} that dataset {@code dataset} already has (an earlier
     * model's scores, or columns of the user's own). Tests that do not ask answer yes.
     */
    default boolean confirmReplaceColumns(List<String> columns, String dataset) { return true; }

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

            @Override
            public boolean confirmReplaceColumns(List<String> columns, String dataset) {
                ButtonType replace = new ButtonType(I18n.tr("ui.models.score.replace"), ButtonBar.ButtonData.OK_DONE);
                ButtonType keep = new ButtonType(I18n.tr("ui.models.score.keep"), ButtonBar.ButtonData.CANCEL_CLOSE);
                Alert a = new Alert(Alert.AlertType.CONFIRMATION, I18n.tr("ui.models.score.replaceText"), replace, keep);
                a.setTitle(I18n.tr("ui.models.score.replaceTitle"));
                a.setHeaderText(I18n.tr("ui.models.score.replaceHeader", I18n.quotedList(columns), dataset, columns.size()));
                Window w = Window.getWindows().stream().filter(Window::isFocused).findFirst().orElse(null);
                if (w != null) a.initOwner(w);
                return a.showAndWait().orElse(keep) == replace;
            }
        };
    }
}
