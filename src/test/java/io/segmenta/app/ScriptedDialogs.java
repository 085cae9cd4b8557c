package io.segmenta.app;

import io.segmenta.app.ui.Dialogs;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** Dialog answers prepared by a test, and a record of what was asked. */
public final class ScriptedDialogs implements Dialogs {
    public final Deque<Path> openAnswers = new ArrayDeque<>();
    public final Deque<Path> saveAnswers = new ArrayDeque<>();
    public final Deque<List<Path>> importAnswers = new ArrayDeque<>();
    public final Deque<Path> dictionaryAnswers = new ArrayDeque<>();
    public final Deque<SaveChoice> saveChoices = new ArrayDeque<>();
    public final List<String> errors = new ArrayList<>();
    public int saveQuestions;

    @Override public Optional<Path> chooseProjectToOpen() { return Optional.ofNullable(openAnswers.poll()); }

    @Override public Optional<Path> chooseProjectSaveTarget(String suggestedName) { return Optional.ofNullable(saveAnswers.poll()); }

    @Override public List<Path> chooseImportFiles() {
        List<Path> l = importAnswers.poll();
        return l == null ? List.of() : l;
    }

    @Override public Optional<Path> chooseDictionary() { return Optional.ofNullable(dictionaryAnswers.poll()); }

    @Override public SaveChoice askSaveChanges(String projectName) {
        saveQuestions++;
        SaveChoice c = saveChoices.poll();
        if (c == null) throw new AssertionError("unexpected save question for " + projectName);
        return c;
    }

    @Override public void showError(String title, String message) { errors.add(title + ": " + message); }
}
