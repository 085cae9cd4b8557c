package io.segmenta.app.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What view models ask of the user through native or modal dialogs. The application uses
 * {@link FxDialogs}; tests pass a scripted implementation because native file choosers cannot be driven
 * headless.
 */
public interface Dialogs {

    /** Answer to "save changes?" before the current project is replaced or the app quits. */
    enum SaveChoice { SAVE, DISCARD, CANCEL }

    Optional<Path> chooseProjectToOpen();

    Optional<Path> chooseProjectSaveTarget(String suggestedName);

    /** CSV files to import; empty when the user cancelled. */
    List<Path> chooseImportFiles();

    Optional<Path> chooseDictionary();

    SaveChoice askSaveChanges(String projectName);

    void showError(String title, String message);
}
