package io.segmenta.app.segments;

import io.segmenta.app.ui.FileChoosers;

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
        FileChoosers files = new FileChoosers();
        return (suggestedName, format) -> files.save("ui.segments.brief.exportTitle", suggestedName, null,
                        FileChoosers.filter(format == BriefFormat.HTML ? "ui.segments.brief.htmlFiles" : "ui.segments.brief.markdownFiles",
                                format.pattern))
                .map(format::withExtension);
    }
}
