package io.segmenta.app.ui;

import io.segmenta.core.util.I18n;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Native file choosers and modal alerts, owned by the main window. */
public final class FxDialogs implements Dialogs {
    private final Supplier<Window> owner;
    private File lastDirectory;

    public FxDialogs(Supplier<Window> owner) {
        this.owner = owner;
    }

    private FileChooser chooser(String titleKey) {
        FileChooser fc = new FileChooser();
        fc.setTitle(I18n.tr(titleKey));
        if (lastDirectory != null) fc.setInitialDirectory(lastDirectory);
        return fc;
    }

    private FileChooser.ExtensionFilter projectFilter() {
        return new FileChooser.ExtensionFilter(I18n.tr("ui.filter.project"), "*.segmenta");
    }

    private Optional<Path> remember(File f) {
        if (f == null) return Optional.empty();
        lastDirectory = f.getParentFile();
        return Optional.of(f.toPath());
    }

    @Override
    public Optional<Path> chooseProjectToOpen() {
        FileChooser fc = chooser("ui.dialog.open.title");
        fc.getExtensionFilters().add(projectFilter());
        return remember(fc.showOpenDialog(owner.get()));
    }

    @Override
    public Optional<Path> chooseProjectSaveTarget(String suggestedName) {
        FileChooser fc = chooser("ui.dialog.save.title");
        fc.getExtensionFilters().add(projectFilter());
        fc.setInitialFileName(suggestedName);
        return remember(fc.showSaveDialog(owner.get()));
    }

    @Override
    public List<Path> chooseImportFiles() {
        FileChooser fc = chooser("ui.dialog.import.title");
        fc.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(I18n.tr("ui.filter.csv"), "*.csv", "*.txt", "*.tsv"),
                new FileChooser.ExtensionFilter(I18n.tr("ui.filter.all"), "*.*"));
        List<File> files = fc.showOpenMultipleDialog(owner.get());
        if (files == null || files.isEmpty()) return List.of();
        lastDirectory = files.get(0).getParentFile();
        return files.stream().map(File::toPath).toList();
    }

    @Override
    public Optional<Path> chooseDictionary() {
        FileChooser fc = chooser("ui.dialog.dictionary.title");
        fc.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(I18n.tr("ui.filter.csv"), "*.csv", "*.txt", "*.tsv"),
                new FileChooser.ExtensionFilter(I18n.tr("ui.filter.all"), "*.*"));
        return remember(fc.showOpenDialog(owner.get()));
    }

    @Override
    public SaveChoice askSaveChanges(String projectName) {
        ButtonType save = new ButtonType(I18n.tr("ui.dialog.unsaved.save"), ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType(I18n.tr("ui.dialog.unsaved.discard"), ButtonBar.ButtonData.NO);
        ButtonType cancel = new ButtonType(I18n.tr("ui.dialog.unsaved.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, I18n.tr("ui.dialog.unsaved.text", projectName), save, discard, cancel);
        a.setTitle(I18n.tr("ui.dialog.unsaved.title"));
        a.setHeaderText(I18n.tr("ui.dialog.unsaved.header", projectName));
        a.initOwner(owner.get());
        ButtonType answer = a.showAndWait().orElse(cancel);
        if (answer == save) return SaveChoice.SAVE;
        if (answer == discard) return SaveChoice.DISCARD;
        return SaveChoice.CANCEL;
    }

    @Override
    public void showError(String title, String message) {
        Alert a = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        a.setTitle(title);
        a.setHeaderText(title);
        Window w = owner.get();
        if (w != null && w.isShowing()) a.initOwner(w);
        a.show();
    }
}
