package io.segmenta.core.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;

import java.util.ArrayList;
import java.util.List;

/**
 * A trained multilayer perceptron as plain numbers: per dense layer its weight matrix (row-major, one row per
 * output unit) and biases, ReLU between layers, dropout (training only). Inputs are the preprocessor's
 * features coded as for the linear models: a standardised value per numeric or boolean feature, a one-hot
 * block (levels, then "other") per categorical one. Prediction rebuilds the DJL block, sets these parameters
 * and runs it in batches on the CPU.
 *
 * @param task         classification (sigmoid of the output) or regression (output × targetScale + targetMean)
 * @param inputs       width of the coded input
 * @param weights      per layer, {@code out × in} floats, row-major
 * @param biases       per layer, {@code out} floats; the last layer has one output
 * @param activation   hidden activation ("relu")
 * @param dropout      dropout rate used in training
 * @param targetMean   regression target mean (0 for classification)
 * @param targetScale  regression target standard deviation (1 for classification)
 * @param device       device it was trained on ("cpu" or "gpu")
 */
public record MlpPredictor(Task task, int inputs, List<float[]> weights, List<float[]> biases, String activation,
                           double dropout, double targetMean, double targetScale, String device) implements Predictor {
    static final String RELU = "relu";
    /** Rows per forward pass when scoring. */
    static final int BATCH = 16_384;

    public MlpPredictor {
        weights = List.copyOf(weights);
        biases = List.copyOf(biases);
        if (weights.isEmpty() || weights.size() != biases.size()) throw new IllegalArgumentException("layer count");
        if (!RELU.equals(activation)) throw new IllegalArgumentException("unknown activation " + activation);
        int in = inputs;
        if (in < 1) throw new IllegalArgumentException("no inputs");
        for (int l = 0; l < weights.size(); l++) {
            int out = biases.get(l).length;
            if (out < 1 || (long) out * in != weights.get(l).length) throw new IllegalArgumentException("layer " + l + " shape");
            in = out;
        }
        if (in != 1) throw new IllegalArgumentException("the last layer must have one output");
        if (!(dropout >= 0 && dropout < 1)) throw new IllegalArgumentException("dropout");
        if (!(targetScale > 0) || !Double.isFinite(targetMean)) throw new IllegalArgumentException("target scaling");
    }

    /** Units of every layer, the output layer last. */
    public int[] units() {
        int[] u = new int[biases.size()];
        for (int l = 0; l < u.length; l++) u[l] = biases.get(l).length;
        return u;
    }

    @Override
    public double[] predict(FeatureFrame frame) {
        int n = frame.rows();
        double[] out = new double[n];
        if (n == 0) return out;
        int width = inputWidth(frame.specs());
        if (width != inputs) throw new IllegalArgumentException("the network expects " + inputs + " inputs, the features give " + width);
        try (NDManager manager = MlpRuntime.engine().newBaseManager(Device.cpu())) {
            Block block = block(units(), dropout);
            load(block);
            block.initialize(manager, DataType.FLOAT32, new Shape(1, inputs));
            ParameterStore ps = new ParameterStore(manager, false);
            for (int from = 0; from < n; from += BATCH) {
                int to = Math.min(n, from + BATCH);
                try (NDManager batch = manager.newSubManager()) {
                    NDArray x = batch.create(encode(frame, from, to, inputs), new Shape(to - from, inputs));
                    float[] z = block.forward(ps, new NDList(x), false).singletonOrThrow().toFloatArray();
                    for (int i = 0; i < z.length; i++) out[from + i] = output(z[i]);
                }
            }
        }
        return out;
    }

    private double output(float z) {
        return task == Task.CLASSIFICATION ? LinearPredictor.sigmoid(z) : z * targetScale + targetMean;
    }

    /**
     * Makes the stored numbers the initial values of a block of the same shape, before it is initialised:
     * the parameters are created from them, never written into (writing into a parameter makes libtorch print
     * a deprecation warning on the terminal).
     */
    void load(Block block) {
        List<Linear> dense = dense(block);
        for (int l = 0; l < dense.size(); l++) {
            float[] w = weights.get(l), b = biases.get(l);
            dense.get(l).setInitializer((manager, shape, type) -> manager.create(w, shape), "weight");
            dense.get(l).setInitializer((manager, shape, type) -> manager.create(b, shape), "bias");
        }
    }

    @Override
    public double[] nativeImportance() { return null; }

    // ------------------------------------------------------------------------------------------ shared with training

    /** The DJL network: hidden Linear → ReLU → Dropout blocks, then one output unit. */
    static SequentialBlock block(int[] units, double dropout) {
        SequentialBlock b = new SequentialBlock();
        for (int l = 0; l < units.length; l++) {
            b.add(Linear.builder().setUnits(units[l]).build());
            if (l < units.length - 1) {
                b.add(Activation.reluBlock());
                if (dropout > 0) b.add(Dropout.builder().optRate((float) dropout).build());
            }
        }
        return b;
    }

    /** The dense layers of a block built by {@link #block}, in order. */
    static List<Linear> dense(Block block) {
        List<Linear> l = new ArrayList<>();
        for (Block c : block.getChildren().values()) if (c instanceof Linear lin) l.add(lin);
        return l;
    }

    /** Width of the coded input of these features. */
    static int inputWidth(List<FeatureSpec> specs) {
        int w = 0;
        for (FeatureSpec s : specs) w += s.width();
        return w;
    }

    /** Rows {@code from}–{@code to} coded row-major: standardised numbers, one-hot categories. */
    static float[] encode(FeatureFrame frame, int from, int to, int width) {
        int rows = to - from;
        float[] x = new float[rows * width];
        int offset = 0;
        for (int f = 0; f < frame.width(); f++) {
            FeatureSpec spec = frame.specs().get(f);
            double[] col = frame.columns()[f];
            if (spec.kind() == FeatureSpec.Kind.CATEGORICAL) {
                int last = spec.width() - 1;
                for (int i = 0; i < rows; i++) {
                    int code = (int) col[from + i];
                    x[i * width + offset + (code >= 0 && code <= last ? code : last)] = 1f;
                }
            } else {
                for (int i = 0; i < rows; i++) x[i * width + offset] = (float) spec.input(col[from + i]);
                if (spec.missingIndicator()) {
                    for (int i = 0; i < rows; i++) if (spec.isMissing(col[from + i])) x[i * width + offset + 1] = 1f;
                }
            }
            offset += spec.width();
        }
        return x;
    }
}
