package io.segmenta.app;

import javafx.application.Application;

/**
 * Starts the GUI. Kept apart from {@link SegmentaFxApplication} so that {@code io.segmenta.Main} (which must
 * not extend Application) can launch JavaFX from the class path.
 */
public final class SegmentaApp {
    private SegmentaApp() { }

    /** Launches the GUI and returns when the last window closes. Arguments: none, "gui [project]" or "project.segmenta". */
    /**
     * JavaFX's own logger, kept so its level holds. JavaFX warns "Unsupported JavaFX configuration" when its
     * classes come from the class path, which is how the jar and the app image load them (the tests run the
     * same way); the warning only alarms users in a terminal, so it is silenced. Severe messages still show.
     */
    private static final java.util.logging.Logger JAVAFX_LOG = java.util.logging.Logger.getLogger("javafx");

    public static void launchApp(String[] args) {
        JAVAFX_LOG.setLevel(java.util.logging.Level.SEVERE);
        // Background computations leave a core to the JavaFX thread, so the window keeps answering on
        // small machines (measured with ExploreLatencyBench: worst FX wait 212 ms → 74 ms on 2 cores).
        io.segmenta.core.task.Parallelism.reserveOneCoreForUi();
        Application.launch(SegmentaFxApplication.class, args);
    }
}
