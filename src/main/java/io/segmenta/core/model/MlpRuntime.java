package io.segmenta.core.model;

import ai.djl.engine.Engine;
import io.segmenta.core.util.UserException;

/**
 * Access to DJL's PyTorch engine, always offline: the native libraries come from the Maven artifacts on the
 * class path (pytorch-native-cpu and pytorch-jni, extracted once into DJL's cache directory, ~/.djl.ai or
 * {@code DJL_CACHE_DIR}); DJL is told never to download anything ({@code ai.djl.offline=true}). PyTorch's
 * thread pools are kept small (half the processors, at most 4, unless {@code ai.djl.pytorch.num_threads} is
 * set): the networks are small and batches of 32 rows lose more to thread hand-offs than they gain, and the
 * app's own threads need the other cores.
 */
final class MlpRuntime {
    private MlpRuntime() { }

    static final String ENGINE = "PyTorch";
    /** DJL's switch that forbids downloads (read by ai.djl.util.Utils#isOfflineMode). */
    static final String OFFLINE_PROPERTY = "ai.djl.offline";

    private static volatile Engine engine;

    /** The PyTorch engine, loaded on first use in offline mode. */
    static Engine engine() {
        Engine e = engine;
        if (e != null) return e;
        synchronized (MlpRuntime.class) {
            if (engine != null) return engine;
            if (System.getProperty(OFFLINE_PROPERTY) == null && System.getenv("DJL_OFFLINE") == null) {
                System.setProperty(OFFLINE_PROPERTY, "true");
            }
            int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() / 2));
            if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
                System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
            }
            if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
                System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
            }
            try {
                engine = Engine.getEngine(ENGINE);
            } catch (RuntimeException | LinkageError ex) {
                Throwable root = ex;
                while (root.getCause() != null && root.getCause() != root) root = root.getCause();
                String why = String.valueOf(root.getMessage());
                if (root instanceof java.nio.file.FileSystemException fs) {
                    // DJL unpacks the natives into its cache folder (DJL_CACHE_DIR, else ~/.djl.ai) on first use
                    throw new UserException(ex, "model.mlp.engineCacheUnwritable", String.valueOf(fs.getFile()),
                            fs.getClass().getSimpleName().replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase(java.util.Locale.ROOT)
                                    .replace(" exception", ""));
                }
                if (why.contains("Offline mode")) {
                    // DJL found no native library it may use and wanted to download one (a libtorch named by
                    // PYTORCH_LIBRARY_PATH without a JNI layer built for it, or a PYTORCH_VERSION of its own)
                    throw new UserException(ex, "model.mlp.engineNeedsDownload", env("PYTORCH_LIBRARY_PATH"), env("PYTORCH_VERSION"));
                }
                if (System.getenv("PYTORCH_LIBRARY_PATH") != null || System.getenv("PYTORCH_VERSION") != null) {
                    String sentence = why.strip().endsWith(".") ? why.strip() : why.strip() + ".";
                    throw new UserException(ex, "model.mlp.engineUnavailableEnv", sentence, env("PYTORCH_LIBRARY_PATH"), env("PYTORCH_VERSION"));
                }
                throw new UserException(ex, "model.mlp.engineUnavailable", why);
            }
            return engine;
        }
    }

    /**
     * A sentence when PYTORCH_LIBRARY_PATH is set but holds no libtorch, so that DJL quietly used the PyTorch
     * Segmenta ships instead; null otherwise.
     */
    static String ignoredLibraryPath() {
        String p = System.getenv("PYTORCH_LIBRARY_PATH");
        if (p == null || p.isBlank()) return null;
        String lib = System.mapLibraryName("torch");
        for (String part : p.split(java.io.File.pathSeparator)) {
            java.io.File f = new java.io.File(part);
            if (f.isFile() && f.getName().equals(lib) || new java.io.File(f, lib).isFile()) return null;
        }
        return io.segmenta.core.util.I18n.tr("model.mlp.libraryPathIgnored", p, lib);
    }

    /** An environment variable's value, or "not set". */
    private static String env(String name) {
        String v = System.getenv(name);
        return v == null ? io.segmenta.core.util.I18n.tr("model.mlp.envUnset") : v;
    }
}
