package io.segmenta.app.campaigns;

import io.segmenta.app.ui.FileChoosers;
import javafx.stage.FileChooser;

import java.nio.file.Path;
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

    /** Native dialogs owned by the focused window; remembers the last folder. */
    static CampaignsDialogs fx() {
        FileChoosers files = new FileChoosers();
        FileChooser.ExtensionFilter[] csv = {FileChoosers.filter("ui.campaigns.filter.csv", "*.csv", "*.txt", "*.tsv"),
            FileChoosers.filter("ui.campaigns.filter.all", "*.*")};
        return new CampaignsDialogs() {
            @Override
            public Optional<Path> chooseSuppressionCsv() { return files.open("ui.campaigns.dialog.suppression", csv); }

            @Override
            public Optional<Path> chooseExportTarget(String suggestedName) {
                return files.save("ui.campaigns.dialog.export", suggestedName, ".csv", csv);
            }

            @Override
            public Optional<Path> chooseResultsCsv() { return files.open("ui.campaigns.dialog.results", csv); }
        };
    }
}
