package io.segmenta.core.task;

/**
 * How many threads core computations may use: the {@code segmenta.threads} system property, else the
 * number of processors. The desktop app leaves one core to the JavaFX thread on machines with few cores
 * ({@link #reserveOneCoreForUi()}), so charts keep answering while a profile or a model computes; the CLI
 * and benchmarks use every core.
 */
public final class Parallelism {
    public static final String PROPERTY = "segmenta.threads";

    private Parallelism() { }

    public static int threads() {
        Integer v = Integer.getInteger(PROPERTY);
        return v != null && v > 0 ? v : Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /** Called once by the GUI before any computation starts; an explicit -Dsegmenta.threads wins. */
    public static void reserveOneCoreForUi() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, Integer.toString(Math.max(1, Runtime.getRuntime().availableProcessors() - 1)));
        }
    }
}
