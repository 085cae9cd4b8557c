package io.segmenta.app;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.util.Duration;

import java.nio.file.Path;

/** Shared steps of the screenshot harnesses (not tests): wait on the FX timeline, then grab the X screen. */
public final class HarnessSupport {
    private HarnessSupport() { }

    /** Runs {@code r} on the FX thread after {@code seconds}, without blocking it. */
    public static void later(double seconds, Runnable r) {
        PauseTransition p = new PauseTransition(Duration.seconds(seconds));
        p.setOnFinished(e -> r.run());
        p.play();
    }

    /** Saves the whole X display (run under xvfb-run) with ImageMagick's import, then exits JavaFX. */
    public static void shoot(Path out) {
        try {
            new ProcessBuilder("import", "-window", "root", out.toString()).inheritIO().start().waitFor();
        } catch (Exception e) {
            System.err.println("screenshot failed: " + e);
        }
        Platform.exit();
    }
}
