package io.segmenta.core.model;

import io.segmenta.core.model.MlpParameters.ComputeDevice;
import io.segmenta.core.util.I18n;

/**
 * Which device the neural network runs on: what DJL's PyTorch engine detects, and the fallback to the CPU when
 * no usable GPU is present or the GPU fails.
 */
public final class MlpDevice {
    private MlpDevice() { }

    /**
     * The device decision, for display.
     *
     * @param requested    what was asked for (auto, cpu, gpu)
     * @param gpu          true when the network runs on GPU 0
     * @param detectedGpus GPUs the PyTorch engine reports (0 on a CPU-only build or machine)
     * @param engine       engine name and version, e.g. "PyTorch 2.7.1"
     * @param fellBack     true when a GPU was asked for (or auto found one) but the CPU is used
     * @param message      a sentence for the user, in the current language
     */
    public record Choice(ComputeDevice requested, boolean gpu, int detectedGpus, String engine, boolean fellBack,
                         String message) {
        /** "gpu" or "cpu". */
        public String used() { return gpu ? "gpu" : "cpu"; }
    }

    /**
     * Work per training step, batch rows × network weights, from which "auto" uses the GPU. Measured on an NVIDIA
     * H200 against 4 CPU threads (bank-full, November 2026): the default network (about 7,500 weights, batches of
     * 32, 0.24M) trained 3.7 times slower on the GPU (32.5 s against 8.7 s), 2 × 256 units in batches of 128
     * (10M) equally fast (4.5 s against 4.0 s), and 4 × 1,024 units in batches of 256 (820M) 6 times faster (2.6 s
     * against 15.8 s). Below this the GPU's per-step costs (kernel launches, copying each batch) outweigh its speed.
     */
    public static final long AUTO_GPU_MIN_WORK = 1L << 25;

    /**
     * What the engine offers: its name and version, the GPUs it can use, and a sentence when PYTORCH_LIBRARY_PATH
     * was set but not used (else null).
     */
    public record Engine(String name, int gpus, String notice) { }

    /** Asks the PyTorch engine how many GPUs it can use (loads the engine on first use; seconds the first time). */
    public static Engine probe() {
        var engine = MlpRuntime.engine();
        return new Engine(engine.getEngineName() + " " + engine.getVersion(), engine.getGpuCount(), MlpRuntime.ignoredLibraryPath());
    }

    /**
     * Asks the engine and decides for a network of {@code weights} weights trained in batches of {@code batch}
     * rows (loads the engine on first use).
     */
    public static Choice detect(ComputeDevice requested, long weights, int batch) {
        Engine e = probe();
        Choice c = choose(requested, e.gpus(), e.name(), weights * Math.max(1, batch));
        return e.notice() == null ? c : new Choice(c.requested(), c.gpu(), c.detectedGpus(), c.engine(), c.fellBack(), c.message() + " " + e.notice());
    }

    /**
     * Weights of the network for {@code inputs} input columns: each hidden layer's weights and biases and the
     * output unit's.
     */
    public static long weights(int inputs, MlpParameters hp) {
        long u = hp.units();
        return (long) inputs * u + u + (hp.layers() - 1) * (u * u + u) + u + 1;
    }

    /**
     * The device decision of the latest neural network trained in this process (after any fallback), empty
     * before the first.
     */
    public static java.util.Optional<Choice> lastUsed() {
        return java.util.Optional.ofNullable(MlpLearner.LAST_DEVICE.get());
    }

    /**
     * The decision for {@code gpus} detected GPUs and {@code stepWork} = batch rows × weights: "auto" takes the
     * GPU only from {@link #AUTO_GPU_MIN_WORK}; "gpu" takes it whenever there is one.
     */
    static Choice choose(ComputeDevice requested, int gpus, String engine, long stepWork) {
        ComputeDevice r = requested == null ? ComputeDevice.AUTO : requested;
        return switch (r) {
            case CPU -> new Choice(r, false, gpus, engine, false, I18n.tr("model.mlp.device.cpu", gpus, engine));
            case AUTO -> gpus == 0
                    ? new Choice(r, false, 0, engine, false, I18n.tr("model.mlp.device.autoCpu", engine))
                    : stepWork < AUTO_GPU_MIN_WORK
                    ? new Choice(r, false, gpus, engine, false, I18n.tr("model.mlp.device.autoSmall", gpus, engine))
                    : new Choice(r, true, gpus, engine, false, I18n.tr("model.mlp.device.gpu", gpus, engine));
            case GPU -> gpus > 0
                    ? new Choice(r, true, gpus, engine, false, I18n.tr("model.mlp.device.gpu", gpus, engine))
                    : new Choice(r, false, 0, engine, true, I18n.tr("model.mlp.device.noGpu", engine));
        };
    }

    /** The decision after the GPU failed with {@code error}: the CPU, with a message saying why. */
    static Choice gpuFailed(Choice before, String error) {
        return new Choice(before.requested(), false, before.detectedGpus(), before.engine(), true,
                I18n.tr("model.mlp.device.gpuFailed", error, before.engine()));
    }
}
