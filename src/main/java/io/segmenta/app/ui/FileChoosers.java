package io.segmenta.app.ui;

import io.segmenta.core.util.I18n;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Native open and save dialogs for a section: owned by the window that has the focus, starting in the folder
 * last chosen through the same instance. The sections' dialog interfaces use one each in their {@code fx()}.
 */
public final class FileChoosers {
    private File last;

    /** A file filter labelled by a bundle key. */
    public static FileChooser.ExtensionFilter filter(String labelKey, String... patterns) {
        return new FileChooser.ExtensionFilter(I18n.tr(labelKey), patterns);
    }

    /** A file to open; empty when the user cancelled. */
    public Optional<Path> open(String titleKey, FileChooser.ExtensionFilter... filters) {
        return remember(chooser(titleKey, filters).showOpenDialog(owner()));
    }

    /**
     * A file to write, {@code suggestedName} proposed; {@code extension} (".csv") is added when the user typed a
     * name without it (null = keep the name as typed). Empty when the user cancelled.
     */
    public Optional<Path> save(String titleKey, String suggestedName, String extension, FileChooser.ExtensionFilter... filters) {
        FileChooser fc = chooser(titleKey, filters);
        fc.setInitialFileName(suggestedName);
        return remember(fc.showSaveDialog(owner())).map(p -> extension == null ? p : withExtension(p, extension));
    }

    /** {@code p} ending in {@code extension} (added when missing, compared ignoring case). */
    public static Path withExtension(Path p, String extension) {
        String n = p.getFileName().toString();
        return n.toLowerCase(Locale.ROOT).endsWith(extension.toLowerCase(Locale.ROOT)) ? p : p.resolveSibling(n + extension);
    }

    private FileChooser chooser(String titleKey, FileChooser.ExtensionFilter... filters) {
        FileChooser fc = new FileChooser();
        fc.setTitle(I18n.tr(titleKey));
        if (last != null) fc.setInitialDirectory(last);
        fc.getExtensionFilters().addAll(filters);
        return fc;
    }

    private Optional<Path> remember(File f) {
        if (f == null) return Optional.empty();
        last = f.getParentFile();
        return Optional.of(f.toPath());
    }

    private static Window owner() {
        return Window.getWindows().stream().filter(Window::isFocused).findFirst()
                .orElse(Window.getWindows().isEmpty() ? null : Window.getWindows().get(0));
    }
}
