package io.segmenta.app.campaigns;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** File-chooser answers prepared by a test, and the suggested names asked with. */
final class ScriptedCampaignsDialogs implements CampaignsDialogs {
    final Deque<Path> suppression = new ArrayDeque<>();
    final Deque<Path> exports = new ArrayDeque<>();
    final Deque<Path> results = new ArrayDeque<>();
    final List<String> suggested = new ArrayList<>();

    @Override public Optional<Path> chooseSuppressionCsv() { return Optional.ofNullable(suppression.poll()); }

    @Override public Optional<Path> chooseExportTarget(String suggestedName) {
        suggested.add(suggestedName);
        return Optional.ofNullable(exports.poll());
    }

    @Override public Optional<Path> chooseResultsCsv() { return Optional.ofNullable(results.poll()); }
}
