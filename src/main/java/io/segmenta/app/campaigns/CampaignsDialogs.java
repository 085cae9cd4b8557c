package io.segmenta.app.campaigns;

import io.segmenta.core.util.I18n;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The file choosers of the Campaigns section (a suppression CSV, the export target, a results CSV).
 * Injected into the view model so that tests answer them; the application uses {@link #fx()}.
 */
public interface CampaignsDialogs {

    /** A CSV of ids never to contact; empty when the user cancelled. */
    Optional<Path> chooseSuppressionCsv();

    /** Where to write the campaign list; empty when the user cancelled. */
    Optional<Path> chooseExportTarget(String suggestedName);

    /** A CSV of A/B results; empty when the user cancelled. */
    Optional<Path> chooseResultsCsv();

    /** {@code p} ending in {@code extension} (added when missing). */
    static Path withExtension(Path p, String extension) {
        String n = p.getFileName().toString();
        return n.toLowerCase(Locale.ROOT).endsWith(extension) ? p : p.resolveSibling(n + extension);
    }

    /** Native dialogs owned by the focused window; remembers the last folder. */
    static CampaignsDialogs fx() {
        return new CampaignsDialogs() {
            private File last;

            private FileChooser chooser(String titleKey) {
                FileChooser fc = new FileChooser();
                fc.setTitle(I18n.tr(titleKey));
                if (last != null) fc.setInitialDirectory(last);
                fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(I18n.tr("ui.campaigns.filter.csv"), "*.csv", "*.txt", "*.tsv"),
                        new FileChooser.ExtensionFilter(I18n.tr("ui.campaigns.filter.all"), "*.*"));
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
            public Optional<Path> chooseSuppressionCsv() {
                return remember(chooser("ui.campaigns.dialog.suppression").showOpenDialog(owner()), null);
            }

            @Override
            public Optional<Path> chooseExportTarget(String suggestedName) {
                FileChooser fc = chooser("ui.campaigns.dialog.export");
                fc.setInitialFileName(suggestedName);
                return remember(fc.showSaveDialog(owner()), ".csv");
            }

            @Override
            public Optional<Path> chooseResultsCsv() {
                return remember(chooser("ui.campaigns.dialog.results").showOpenDialog(owner()), null);
            }
        };
    }
}
