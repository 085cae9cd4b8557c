package io.segmenta.core.model;

/** Receives each stage's losses as training goes (on the training thread; keep it quick). */
@FunctionalInterface
public interface TrainingListener {
    void onStage(HistoryPoint point);

    TrainingListener NONE = p -> { };
}
