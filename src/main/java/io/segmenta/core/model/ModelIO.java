package io.segmenta.core.model;

import io.segmenta.core.project.Artifact;
import io.segmenta.core.project.Project;
import io.segmenta.core.util.UserException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Model files ({@value #EXTENSION}) and model artifacts of a project. The format is data only and never
 * goes through Java deserialisation, so a hostile file cannot run code:
 * <pre>
 *   "SEGMODEL"            8 bytes
 *   format version        int (big-endian)
 *   metadata length       int, then that many bytes of UTF-8 JSON: {@link ModelInfo} and each pipeline's
 *                         algorithm and {@link Preprocessor} (read with Jackson into those records only;
 *                         no polymorphic typing)
 *   pipeline count        int, then per pipeline a kind byte (1 linear, 2 trees, 3 neural network) and its
 *                         arrays; a network is its input width, layer count, then per dense layer the output
 *                         units, the weights (out × in floats, row-major) and the biases, plus the activation,
 *                         dropout, target scaling and training device (format version 2; files without a
 *                         network keep version 1 so older readers still open them)
 *   CRC-32                long, of every byte before it
 * </pre>
 * Every length read is checked against what remains of the file, every tree against its feature count.
 */
public final class ModelIO {
    private ModelIO() { }

    public static final String EXTENSION = ".segmodel";
    /** Kind of the project artifacts holding models. */
    public static final String ARTIFACT_KIND = "model";
    static final int FORMAT_VERSION = 2;
    /** Version written for models without a neural network. */
    static final int FORMAT_VERSION_NO_MLP = 1;
    private static final byte[] MAGIC = "SEGMODEL".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_BYTES = 1 << 30;
    private static final byte LINEAR = 1;
    private static final byte TREES = 2;
    private static final byte MLP = 3;
    /** Most dense layers of a stored network (hidden layers plus the output). */
    private static final int MAX_LAYERS = 16;

    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** The JSON part of the file. */
    record Stored(ModelInfo info, List<StoredPipeline> pipelines) { }

    record StoredPipeline(Algorithm algorithm, Preprocessor preprocessor) { }

    // ------------------------------------------------------------------------------------------ bytes

    public static byte[] toBytes(TrainedModel m) {
        try {
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bos);
            out.write(MAGIC);
            boolean anyMlp = m.pipelines().stream().anyMatch(p -> p.predictor() instanceof MlpPredictor);
            out.writeInt(anyMlp ? FORMAT_VERSION : FORMAT_VERSION_NO_MLP);
            List<StoredPipeline> sp = new ArrayList<>();
            for (Pipeline p : m.pipelines()) sp.add(new StoredPipeline(p.algorithm(), p.preprocessor()));
            byte[] json = MAPPER.writeValueAsBytes(new Stored(m.info(), sp));
            out.writeInt(json.length);
            out.write(json);
            out.writeInt(m.pipelines().size());
            for (Pipeline p : m.pipelines()) writePredictor(out, p.predictor());
            out.flush();
            CRC32 crc = new CRC32();
            crc.update(bos.toByteArray());
            out.writeLong(crc.getValue());
            out.flush();
            return bos.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writePredictor(DataOutputStream out, Predictor p) throws IOException {
        switch (p) {
            case LinearPredictor l -> {
                out.writeByte(LINEAR);
                out.writeByte(l.task().ordinal());
                out.writeDouble(l.intercept());
                out.writeInt(l.weights().length);
                for (double[] w : l.weights()) writeDoubles(out, w);
            }
            case TreeEnsemble t -> {
                out.writeByte(TREES);
                out.writeByte(t.task().ordinal());
                out.writeBoolean(t.boosted());
                out.writeDouble(t.base());
                writeDoubles(out, t.importance());
                out.writeInt(t.trees().size());
                for (Tree tr : t.trees()) {
                    int n = tr.size();
                    out.writeInt(n);
                    out.write(tr.kind());
                    for (int i = 0; i < n; i++) out.writeInt(tr.feature()[i]);
                    for (int i = 0; i < n; i++) out.writeDouble(tr.threshold()[i]);
                    for (int i = 0; i < n; i++) out.writeLong(tr.mask()[i]);
                    for (int i = 0; i < n; i++) out.writeInt(tr.left()[i]);
                    for (int i = 0; i < n; i++) out.writeInt(tr.right()[i]);
                    for (int i = 0; i < n; i++) out.writeDouble(tr.value()[i]);
                }
            }
            case MlpPredictor n -> {
                out.writeByte(MLP);
                out.writeByte(n.task().ordinal());
                out.writeInt(n.inputs());
                out.writeInt(n.weights().size());
                for (int l = 0; l < n.weights().size(); l++) {
                    out.writeInt(n.biases().get(l).length);
                    writeFloats(out, n.weights().get(l));
                    writeFloats(out, n.biases().get(l));
                }
                out.writeUTF(n.activation());
                out.writeDouble(n.dropout());
                out.writeDouble(n.targetMean());
                out.writeDouble(n.targetScale());
                out.writeUTF(n.device());
            }
        }
    }

    private static void writeFloats(DataOutputStream out, float[] a) throws IOException {
        out.writeInt(a.length);
        for (float v : a) out.writeFloat(v);
    }

    private static void writeDoubles(DataOutputStream out, double[] a) throws IOException {
        out.writeInt(a.length);
        for (double v : a) out.writeDouble(v);
    }

    /**
     * Reads a model from bytes. {@code source} names the file or artifact in messages.
     *
     * @throws UserException when the bytes are not a Segmenta model, come from a newer version, or are damaged
     */
    public static TrainedModel fromBytes(byte[] bytes, String source) {
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xAC && (bytes[1] & 0xFF) == 0xED) {
            throw new UserException("model.file.javaSerialized", source);
        }
        if (bytes.length < MAGIC.length + 16 || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new UserException("model.file.notModel", source);
        }
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, bytes.length - 8));
            in.skipNBytes(MAGIC.length);
            int version = in.readInt();
            if (version > FORMAT_VERSION) throw new UserException("model.file.newer", source, version, FORMAT_VERSION);
            if (version < 1) throw new UserException("model.file.corrupt", source, "version " + version);
            CRC32 crc = new CRC32();
            crc.update(bytes, 0, bytes.length - 8);
            long stored = 0;
            for (int i = bytes.length - 8; i < bytes.length; i++) stored = (stored << 8) | (bytes[i] & 0xFF);
            if (stored != crc.getValue()) throw new UserException("model.file.corrupt", source, "checksum mismatch");
            int jsonLength = length(in, bytes.length);
            byte[] json = in.readNBytes(jsonLength);
            if (json.length != jsonLength) throw new EOFException();
            Stored s;
            try {
                s = MAPPER.readValue(json, Stored.class);
            } catch (JacksonException e) {
                throw new UserException(e, "model.file.corrupt", source, describe(e));
            }
            if (s == null || s.info() == null || s.pipelines() == null || s.pipelines().isEmpty()) {
                throw new UserException("model.file.corrupt", source, "no model description");
            }
            String problem = problem(s);
            if (problem != null) throw new UserException("model.file.corrupt", source, problem);
            int count = in.readInt();
            if (count != s.pipelines().size()) throw new UserException("model.file.corrupt", source, "pipeline count");
            List<Pipeline> pipes = new ArrayList<>();
            for (StoredPipeline sp : s.pipelines()) {
                if (sp.preprocessor() == null || sp.algorithm() == null) throw new UserException("model.file.corrupt", source, "pipeline");
                pipes.add(new Pipeline(sp.algorithm(), sp.preprocessor(), readPredictor(in, sp.preprocessor(), bytes.length)));
            }
            if (in.available() != 0) throw new UserException("model.file.corrupt", source, "trailing bytes");
            return new TrainedModel(s.info(), pipes);
        } catch (UserException e) {
            throw e;
        } catch (IOException | JacksonException | IllegalArgumentException | IllegalStateException | NullPointerException e) {
            throw new UserException(e, "model.file.corrupt", source, String.valueOf(e.getMessage()));
        }
    }

    /** A one-line reason for a JSON part that does not fit the model records: where, and what was wrong. */
    static String describe(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference r : e.getPath()) {
            if (r.getPropertyName() != null) path.append(path.isEmpty() ? "" : ".").append(r.getPropertyName());
            else if (r.getIndex() >= 0) path.append('[').append(r.getIndex()).append(']');
        }
        String msg = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("").strip();
        if (msg.length() > 160) msg = msg.substring(0, 157) + "…";
        return path.isEmpty() ? msg : "field " + path + ": " + msg;
    }

    /** The first part of a model description that could not have been written by Segmenta, or null. */
    static String problem(Stored s) {
        ModelInfo i = s.info();
        if (i.name() == null) return "info.name is missing";
        if (i.algorithm() == null) return "info.algorithm is missing";
        if (i.options() == null) return "info.options is missing";
        if (i.evaluation() == null) return "info.evaluation is missing";
        TargetEncoding t = i.target();
        if (t == null || t.column() == null || t.task() == null) return "info.target is incomplete";
        for (int c = 0; c < i.schema().size(); c++) {
            FeatureColumn fc = i.schema().get(c);
            if (fc == null || fc.name() == null || fc.type() == null) return "info.schema[" + c + "] is incomplete";
        }
        for (int p = 0; p < s.pipelines().size(); p++) {
            StoredPipeline sp = s.pipelines().get(p);
            if (sp == null || sp.algorithm() == null || sp.preprocessor() == null) return "pipelines[" + p + "] is incomplete";
            java.util.Set<String> names = new java.util.HashSet<>();
            List<FeatureSpec> fs = sp.preprocessor().features();
            for (int f = 0; f < fs.size(); f++) {
                FeatureSpec spec = fs.get(f);
                String where = "pipelines[" + p + "].preprocessor.features[" + f + "]";
                if (spec == null || spec.name() == null || spec.kind() == null) return where + " is incomplete";
                if (!names.add(spec.name())) return where + ": feature " + spec.name() + " appears twice";
                // an infinite mean is allowed: older versions stored one for huge values, and standardise() copes
                if (Double.isNaN(spec.impute())) return where + ": the value for missing cells is not a number";
                if (spec.kind() == FeatureSpec.Kind.CATEGORICAL
                        && (spec.impute() != Math.rint(spec.impute()) || spec.impute() < 0 || spec.impute() > spec.levels().size() + 1)) {
                    return where + ": the code for missing cells is not one of its categories";
                }
            }
        }
        return null;
    }

    private static int length(DataInputStream in, int max) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > max) throw new IOException("bad length " + n);
        return n;
    }

    private static Predictor readPredictor(DataInputStream in, Preprocessor pre, int max) throws IOException {
        byte kind = in.readByte();
        int taskOrdinal = in.readByte();
        if (taskOrdinal < 0 || taskOrdinal >= Task.values().length) throw new IOException("bad task");
        Task task = Task.values()[taskOrdinal];
        int p = pre.features().size();
        if (kind == LINEAR) {
            double intercept = in.readDouble();
            int f = length(in, max);
            if (f != p) throw new IOException("weights for " + f + " features, expected " + p);
            double[][] w = new double[f][];
            for (int i = 0; i < f; i++) {
                w[i] = readDoubles(in, max);
                if (w[i].length != pre.features().get(i).width()) throw new IOException("bad weight count");
            }
            return new LinearPredictor(task, intercept, w);
        }
        if (kind == TREES) {
            boolean boosted = in.readBoolean();
            double base = in.readDouble();
            double[] imp = readDoubles(in, max);
            if (imp.length != p) throw new IOException("bad importance length");
            int count = length(in, max / 8);
            List<Tree> trees = new ArrayList<>(Math.min(count, 10_000));
            for (int t = 0; t < count; t++) {
                int n = length(in, max / 41);
                byte[] k = in.readNBytes(n);
                if (k.length != n) throw new EOFException();
                int[] feature = new int[n], left = new int[n], right = new int[n];
                double[] thr = new double[n], value = new double[n];
                long[] mask = new long[n];
                for (int i = 0; i < n; i++) feature[i] = in.readInt();
                for (int i = 0; i < n; i++) thr[i] = in.readDouble();
                for (int i = 0; i < n; i++) mask[i] = in.readLong();
                for (int i = 0; i < n; i++) left[i] = in.readInt();
                for (int i = 0; i < n; i++) right[i] = in.readInt();
                for (int i = 0; i < n; i++) value[i] = in.readDouble();
                Tree tree = new Tree(k, feature, thr, mask, left, right, value);
                tree.validate(p);
                trees.add(tree);
            }
            if (trees.isEmpty()) throw new IOException("no trees");
            return new TreeEnsemble(task, boosted, base, trees, imp);
        }
        if (kind == MLP) {
            int inputs = length(in, max);
            int width = MlpPredictor.inputWidth(pre.features());
            if (inputs != width) throw new IOException("network for " + inputs + " inputs, features give " + width);
            int layers = length(in, MAX_LAYERS);
            if (layers < 1) throw new IOException("no layers");
            List<float[]> w = new ArrayList<>(), b = new ArrayList<>();
            int prev = inputs;
            for (int l = 0; l < layers; l++) {
                int units = length(in, max / 4);
                float[] wl = readFloats(in, max);
                if (units < 1 || wl.length != (long) units * prev) throw new IOException("bad weights of layer " + l);
                float[] bl = readFloats(in, max);
                if (bl.length != units) throw new IOException("bad biases of layer " + l);
                w.add(wl);
                b.add(bl);
                prev = units;
            }
            String activation = in.readUTF();
            double dropout = in.readDouble(), mean = in.readDouble(), scale = in.readDouble();
            String device = in.readUTF();
            if (!device.equals("cpu") && !device.equals("gpu")) throw new IOException("bad device " + device);
            return new MlpPredictor(task, inputs, w, b, activation, dropout, mean, scale, device);
        }
        throw new IOException("unknown predictor kind " + kind);
    }

    private static float[] readFloats(DataInputStream in, int max) throws IOException {
        int n = length(in, max / 4);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = in.readFloat();
        return a;
    }

    private static double[] readDoubles(DataInputStream in, int max) throws IOException {
        int n = length(in, max / 8);
        double[] a = new double[n];
        for (int i = 0; i < n; i++) a[i] = in.readDouble();
        return a;
    }

    // ------------------------------------------------------------------------------------------ files

    /** Writes a model file atomically (temporary file, then rename). */
    public static void write(TrainedModel m, Path file) {
        checkWritable(file);
        byte[] bytes = toBytes(m);
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        Path tmp = null;
        try {
            if (dir != null) Files.createDirectories(dir);
            // a new file (not Files.createTempFile) so it gets the usual permissions rather than owner-only ones
            tmp = (dir == null ? Path.of(".") : dir).resolve("." + abs.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".tmp");
            Files.write(tmp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (AccessDeniedException e) {
            throw new UserException(e, "model.file.writeFailed", file.toString(), "access denied");
        } catch (IOException e) {
            throw new UserException(e, "model.file.writeFailed", file.toString(), String.valueOf(e.getMessage()));
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort
                }
            }
        }
    }

    /**
     * Fails early, before a model is trained or written, when {@code file} cannot become a model file: a
     * folder, or something other than a regular file (a device, a pipe) that the rename would replace.
     */
    public static void checkWritable(Path file) {
        if (Files.isDirectory(file)) throw new UserException("model.file.isFolder", file.toString());
        if (Files.exists(file) && !Files.isRegularFile(file)) throw new UserException("model.file.notRegular", file.toString());
    }

    /** Reads a model file. */
    public static TrainedModel read(Path file) {
        String name = file.toString();
        if (!Files.exists(file)) throw new UserException("model.file.notFound", name);
        if (Files.isDirectory(file)) throw new UserException("model.file.isFolder", name);
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) throw new UserException("model.file.notReadable", name);
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new UserException(e, "model.file.notFound", name);
        } catch (IOException e) {
            throw new UserException(e, "model.file.notReadable", name);
        }
        if (bytes.length > MAX_BYTES) throw new UserException("model.file.corrupt", name, "file too large");
        return fromBytes(bytes, name);
    }

    // ------------------------------------------------------------------------------------------ artifacts

    /**
     * A project artifact (kind {@value #ARTIFACT_KIND}) holding the model: options and headline metrics as
     * JSON for listing, the model file's bytes as payload.
     */
    /**
     * {@code trained} renamed so that none takes the name of a model already in {@code p} or of one before it
     * in the list: "y · gbm", then "y · gbm 2", … — a project keeps every model trained on it for the
     * leaderboard, in the app and on the command line alike.
     */
    public static List<TrainedModel> uniquelyNamed(Project p, List<TrainedModel> trained) {
        Set<String> taken = new HashSet<>();
        for (Artifact a : p.artifacts()) if (ARTIFACT_KIND.equals(a.kind())) taken.add(a.name());
        List<TrainedModel> out = new ArrayList<>(trained.size());
        for (TrainedModel m : trained) {
            String n = uniqueName(m.name(), taken);
            taken.add(n);
            out.add(n.equals(m.name()) ? m : m.withName(n));
        }
        return out;
    }

    static String uniqueName(String base, Set<String> taken) {
        if (!taken.contains(base)) return base;
        for (int i = 2; ; i++) {
            String n = base + " " + i;
            if (!taken.contains(n)) return n;
        }
    }

    /**
     * {@code p} with the model artifacts added (a model of the same name replaced). A scoring policy left
     * under one of their names — from a model deleted earlier — is dropped: it is not the new model's.
     */
    public static Project withModels(Project p, List<Artifact> models) {
        Set<String> names = new HashSet<>();
        for (Artifact a : models) names.add(a.name());
        Project q = new Project(p.datasets(), p.artifacts().stream()
                .filter(a -> !(ScoringPolicy.ARTIFACT_KIND.equals(a.kind()) && names.contains(a.name()))).toList());
        for (Artifact a : models) q = q.withArtifact(a);
        return q;
    }

    public static Artifact toArtifact(TrainedModel m) {
        ObjectNode opts = MAPPER.valueToTree(m.info().options());
        ObjectNode result = MAPPER.createObjectNode();
        result.put("algorithm", m.info().algorithm().key());
        result.put("task", m.task().key());
        result.put("target", m.info().target().column());
        if (m.info().target().positive() != null) result.put("positive", m.info().target().positive());
        ObjectNode metrics = result.putObject("metrics");
        m.info().evaluation().summary().forEach(metrics::put);
        result.put("train_rows", m.info().trainRows());
        result.put("test_rows", m.info().testRows());
        result.put("fingerprint", m.info().fingerprint());
        return new Artifact(ARTIFACT_KIND, m.name(), m.info().options().dataset(), MAPPER.writeValueAsString(opts),
                MAPPER.writeValueAsString(result), toBytes(m), Instant.parse(m.info().createdAt()));
    }

    /** The model held by a model artifact. */
    public static TrainedModel fromArtifact(Artifact a) {
        String source = "model '" + a.name() + "'";
        if (!ARTIFACT_KIND.equals(a.kind())) throw new UserException("model.artifact.notModel", a.name(), a.kind());
        if (a.payload() == null) throw new UserException("model.file.corrupt", source, "no payload");
        return fromBytes(a.payload(), source);
    }
}
