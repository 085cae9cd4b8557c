package io.segmenta.app.segments;

import io.segmenta.core.util.I18n;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The file chooser of the Segments section (where to export the brief). Injected into the view model so
 * that tests answer it; the application uses {@link #fx()}, a native save dialog owned by the focused window.
 */
@FunctionalInterface
public interface SegmentsDialogs {

    /** Formats the brief is exported in. */
    enum BriefFormat {
        MARKDOWN(".md", "*.md"), HTML(".html", "*.html");

        private final String extension;
        private final String pattern;

        BriefFormat(String extension, String pattern) {
            this.extension = extension;
            this.pattern = pattern;
        }

        public String extension() { return extension; }

        /** {@code p} with this format's extension added when it has none of its own. */
        public Path withExtension(Path p) {
            String n = p.getFileName().toString();
            return n.toLowerCase(Locale.ROOT).endsWith(extension) || (this == HTML && n.toLowerCase(Locale.ROOT).endsWith(".htm"))
                    ? p : p.resolveSibling(n + extension);
        }
    }

    /** Where to save the brief; empty when the user cancelled. */
    Optional<Path> chooseBriefTarget(String suggestedName, BriefFormat format);

    /** Native save dialogs owned by the window that has the focus. */
    static SegmentsDialogs fx() {
        File[] last = {null};
        return (suggestedName, format) -> {
            FileChooser fc = new FileChooser();
            fc.setTitle(I18n.tr("ui.segments.brief.exportTitle"));
            fc.setInitialFileName(suggestedName);
            if (last[0] != null) fc.setInitialDirectory(last[0]);
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                    I18n.tr(format == BriefFormat.HTML ? "ui.segments.brief.htmlFiles" : "ui.segments.brief.markdownFiles"),
                    format.pattern));
            Window owner = Window.getWindows().stream().filter(Window::isFocused).findFirst()
                    .orElse(Window.getWindows().isEmpty() ? null : Window.getWindows().get(0));
            File f = fc.showSaveDialog(owner);
            if (f == null) return Optional.empty();
            last[0] = f.getParentFile();
            return Optional.of(format.withExtension(f.toPath()));
        };
    }
}
