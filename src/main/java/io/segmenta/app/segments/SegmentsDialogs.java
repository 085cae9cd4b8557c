package io.segmenta.app.segments;

import io.segmenta.app.ui.FileChoosers;
import io.segmenta.core.util.I18n;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The dialogs of the Segments section: where to export the brief, and whether to replace a column. Injected into
 * the view model so that tests answer them; the application uses {@link #fx()}, a native save dialog and a
 * confirmation owned by the focused window.
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

    /**
     * Whether to replace the column {@code column} the dataset already has (earlier segments, or a column of the
     * user's own such as a CRM's "segment"). Tests that do not ask answer yes.
     */
    default boolean confirmReplaceColumn(String column, String dataset) { return true; }

    /** Native save dialogs and confirmations owned by the window that has the focus. */
    static SegmentsDialogs fx() {
        FileChoosers files = new FileChoosers();
        return new SegmentsDialogs() {
            @Override
            public Optional<Path> chooseBriefTarget(String suggestedName, BriefFormat format) {
                return files.save("ui.segments.brief.exportTitle", suggestedName, null,
                                FileChoosers.filter(format == BriefFormat.HTML ? "ui.segments.brief.htmlFiles" : "ui.segments.brief.markdownFiles",
                                        format.pattern))
                        .map(format::withExtension);
            }

            @Override
            public boolean confirmReplaceColumn(String column, String dataset) {
                ButtonType replace = new ButtonType(I18n.tr("ui.segments.column.replace"), ButtonBar.ButtonData.OK_DONE);
                ButtonType keep = new ButtonType(I18n.tr("ui.segments.column.keep"), ButtonBar.ButtonData.CANCEL_CLOSE);
                Alert a = new Alert(Alert.AlertType.CONFIRMATION, I18n.tr("ui.segments.column.replaceText", column, dataset), replace, keep);
                a.setTitle(I18n.tr("ui.segments.column.replaceTitle"));
                a.setHeaderText(I18n.tr("ui.segments.column.replaceHeader", column, dataset));
                Window w = Window.getWindows().stream().filter(Window::isFocused).findFirst().orElse(null);
                if (w != null) a.initOwner(w);
                return a.showAndWait().orElse(keep) == replace;
            }
        };
    }
}
