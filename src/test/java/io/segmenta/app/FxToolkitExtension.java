package io.segmenta.app;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.api.FxToolkit;

/**
 * Starts the JavaFX toolkit (headless Monocle, see the surefire flags) before any test class of the app
 * package, so view-model tests that touch JavaFX properties, timelines or Platform.runLater do not depend on
 * some other test having started it first (surefire's class order differs between machines). Registered for
 * every test through JUnit's extension auto-detection (src/test/resources/junit-platform.properties).
 */
public final class FxToolkitExtension implements BeforeAllCallback {
    private static volatile boolean started;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (started) return;
        Class<?> test = context.getRequiredTestClass();
        if (!test.getPackageName().startsWith("io.segmenta.app")) return;
        synchronized (FxToolkitExtension.class) {
            if (!started) {
                FxToolkit.registerPrimaryStage();
                started = true;
            }
        }
    }
}
