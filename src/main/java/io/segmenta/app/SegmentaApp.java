package io.segmenta.app;

/** JavaFX application (being written). */
public final class SegmentaApp {
    private SegmentaApp() { }

    public static void launchApp(String[] args) {
        throw new IllegalStateException("GUI being written");
    }
}
