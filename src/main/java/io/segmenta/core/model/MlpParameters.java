package io.segmenta.core.model;

import io.segmenta.core.util.UserException;

import java.util.Locale;

/**
 * Settings of the multilayer perceptron ({@link Algorithm#MLP}): {@code layers} hidden layers of {@code units}
 * ReLU units each, dropout after every hidden layer, Adam at {@code learningRate} on mini-batches of
 * {@code batchSize} rows for at most {@code epochs} passes, stopping when the validation loss has not improved
 * for {@code patience} epochs (0 = never; the weights of the best epoch are kept). Class weights and the seed
 * come from {@link TrainingOptions}.
 *
 * @param layers       hidden layers (1–8)
 * @param units        units per hidden layer (1–4096)
 * @param dropout      dropout rate after each hidden layer, in [0, 0.9]
 * @param epochs       most passes over the training rows (1–10,000)
 * @param batchSize    rows per mini-batch (1–1,000,000)
 * @param learningRate Adam's learning rate, in (0, 1]
 * @param patience     epochs without a better validation loss before stopping (0 = never stop early)
 * @param device       where to train: auto (a GPU when DJL detects one), cpu or gpu (falls back to the CPU with a
 *                     message when no usable GPU is present)
 */
public record MlpParameters(int layers, int units, double dropout, int epochs, int batchSize, double learningRate,
                            int patience, ComputeDevice device) {

    /** Requested device of the neural network. */
    public enum ComputeDevice {
        AUTO, CPU, GPU;

        public String key() { return name().toLowerCase(Locale.ROOT); }

        /** Parses "auto", "cpu" or "gpu" (also "cuda"). */
        public static ComputeDevice fromKey(String key) {
            if (key == null || key.isBlank()) return AUTO;
            return switch (key.strip().toLowerCase(Locale.ROOT)) {
                case "auto" -> AUTO;
                case "cpu" -> CPU;
                case "gpu", "cuda" -> GPU;
                default -> throw new IllegalArgumentException("Unknown device '" + key + "'");
            };
        }
    }

    public MlpParameters {
        device = device == null ? ComputeDevice.AUTO : device;
        if (layers < 1 || layers > 8) throw new UserException("model.options.mlpLayers", layers);
        if (units < 1 || units > 4096) throw new UserException("model.options.mlpUnits", units);
        if (!(dropout >= 0 && dropout <= 0.9)) throw new UserException("model.options.mlpDropout", dropout);
        if (epochs < 1 || epochs > 10_000) throw new UserException("model.options.mlpEpochs", epochs);
        if (batchSize < 1 || batchSize > 1_000_000) throw new UserException("model.options.mlpBatchSize", batchSize);
        if (!(learningRate > 0 && learningRate <= 1)) throw new UserException("model.options.mlpLearningRate", learningRate);
        if (patience < 0) throw new UserException("model.options.mlpPatience", patience);
    }

    /** Two hidden layers of 64 units, dropout 0.1, 20 epochs of batches of 32 at 1e-3, patience 5, auto device. */
    public static MlpParameters defaults() {
        return new MlpParameters(2, 64, 0.1, 20, 32, 1e-3, 5, ComputeDevice.AUTO);
    }

    public MlpParameters withLayers(int l) { return new MlpParameters(l, units, dropout, epochs, batchSize, learningRate, patience, device); }

    public MlpParameters withUnits(int u) { return new MlpParameters(layers, u, dropout, epochs, batchSize, learningRate, patience, device); }

    public MlpParameters withDropout(double d) { return new MlpParameters(layers, units, d, epochs, batchSize, learningRate, patience, device); }

    public MlpParameters withEpochs(int e) { return new MlpParameters(layers, units, dropout, e, batchSize, learningRate, patience, device); }

    public MlpParameters withBatchSize(int b) { return new MlpParameters(layers, units, dropout, epochs, b, learningRate, patience, device); }

    public MlpParameters withLearningRate(double r) { return new MlpParameters(layers, units, dropout, epochs, batchSize, r, patience, device); }

    public MlpParameters withPatience(int p) { return new MlpParameters(layers, units, dropout, epochs, batchSize, learningRate, p, device); }

    public MlpParameters withDevice(ComputeDevice d) { return new MlpParameters(layers, units, dropout, epochs, batchSize, learningRate, patience, d); }
}
