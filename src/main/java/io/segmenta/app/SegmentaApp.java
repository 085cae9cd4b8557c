package io.segmenta.app;

import javafx.application.Application;

/**
 * Starts the GUI. Kept apart from {@link SegmentaFxApplication} so that {@code io.segmenta.Main} (which must
 * not extend Application) can launch JavaFX from the class path.
 */
public final class SegmentaApp {
    private SegmentaApp() { }

    /** Launches the GUI and returns when the last window closes. Arguments: none, "gui [project]" or "project.segmenta". */
    public static void launchApp(String[] args) {
        // Background computations leave a core to the JavaFX thread, so the window keeps answering on
        // small machines (measured with ExploreLatencyBench: worst FX wait 212 ms → 74 ms on 2 cores).
        io.segmenta.core.task.Parallelism.reserveOneCoreForUi();
        Application.launch(SegmentaFxApplication.class, args);
    }
}
