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

    /** Asks the PyTorch engine how many GPUs it can use and decides (loads the engine on first use). */
    public static Choice detect(ComputeDevice requested) {
        var engine = MlpRuntime.engine();
        return choose(requested, engine.getGpuCount(), engine.getEngineName() + " " + engine.getVersion());
    }

    /**
     * The device decision of the latest neural network trained in this process (after any fallback), empty
     * before the first.
     */
    public static java.util.Optional<Choice> lastUsed() {
        return java.util.Optional.ofNullable(MlpLearner.LAST_DEVICE.get());
    }

    /** The decision for {@code gpus} detected GPUs. */
    static Choice choose(ComputeDevice requested, int gpus, String engine) {
        ComputeDevice r = requested == null ? ComputeDevice.AUTO : requested;
        return switch (r) {
            case CPU -> new Choice(r, false, gpus, engine, false, I18n.tr("model.mlp.device.cpu", gpus, engine));
            case AUTO -> gpus > 0
                    ? new Choice(r, true, gpus, engine, false, I18n.tr("model.mlp.device.gpu", gpus, engine))
                    : new Choice(r, false, 0, engine, false, I18n.tr("model.mlp.device.autoCpu", engine));
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
