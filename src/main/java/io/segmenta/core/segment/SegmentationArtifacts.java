package io.segmenta.core.segment;

import io.segmenta.core.eda.RowFilter;
import io.segmenta.core.project.Artifact;
import io.segmenta.core.segment.SegmentationOptions.AllRows;
import io.segmenta.core.segment.SegmentationOptions.Feature;
import io.segmenta.core.segment.SegmentationOptions.FeatureKind;
import io.segmenta.core.segment.SegmentationOptions.MissingPolicy;
import io.segmenta.core.segment.SegmentationOptions.RowSubset;
import io.segmenta.core.segment.SegmentationOptions.Rows;
import io.segmenta.core.segment.SegmentationOptions.Scaling;
import io.segmenta.core.segment.SegmentationOptions.TopN;
import io.segmenta.core.segment.SegmentationOptions.Transform;
import io.segmenta.core.util.UserException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * A {@link Segmentation} as a project {@link Artifact} of kind {@value #KIND} and back.
 * <ul>
 *   <li>options JSON: the {@link SegmentationOptions} (snake_case; the filter as its text conditions, absent in
 *       older artifacts meaning no filter; explicit subset rows go in the payload);</li>
 *   <li>result JSON: sweep, suggestions, chosen k, fitted transform, centroids, names, metrics, counts and
 *       stability; NaN is written as null;</li>
 *   <li>payload: deflate-compressed big-endian ints: magic, version, n, the segmented rows (delta-coded),
 *       the assignment, then the explicit subset rows (delta-coded) when the subset is a row list.</li>
 * </ul>
 * Doubles are written in their shortest exact form, so the segmentation reopens identically.
 */
public final class SegmentationArtifacts {
    public static final String KIND = "segmentation";
    private static final int MAGIC = 0x5347534D; // "SGSM"
    private static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SegmentationArtifacts() { }

    public static Artifact toArtifact(Segmentation s, String name) { return toArtifact(s, name, null); }

    public static Artifact toArtifact(Segmentation s, String name, Instant createdAt) {
        return new Artifact(KIND, name, s.datasetName(), MAPPER.writeValueAsString(optionsJson(s.options())),
                MAPPER.writeValueAsString(resultJson(s)), payload(s), createdAt);
    }

    /**
     * @throws UserException segment.error.badArtifact when the artifact is not a readable segmentation
     */
    public static Segmentation fromArtifact(Artifact a) {
        if (!KIND.equals(a.kind())) throw new UserException("segment.error.badArtifact", a.name(), "kind " + a.kind());
        try {
            int[][] p = readPayload(a.payload());
            SegmentationOptions o = options(MAPPER.readTree(a.optionsJson()), p[2]);
            JsonNode r = MAPPER.readTree(a.resultJson());
            List<KResult> sweep = new ArrayList<>();
            for (JsonNode n : r.path("sweep")) sweep.add(kResult(n));
            List<FeatureTransform> fts = new ArrayList<>();
            for (JsonNode n : r.path("transform")) fts.add(transform(n));
            FittedTransform ft = new FittedTransform(fts);
            int k = r.path("k").intValue();
            double[] centroids = new double[k * ft.dims()];
            int i = 0;
            for (JsonNode row : r.path("centroids")) for (JsonNode v : row) centroids[i++] = dbl(v);
            if (i != centroids.length) throw new IllegalArgumentException("centroids: " + i + " values for " + centroids.length);
            List<String> names = new ArrayList<>();
            for (JsonNode n : r.path("names")) names.add(n.stringValue());
            JsonNode st = r.path("stability");
            Stability.Result stab = st.isObject() ? new Stability.Result(st.path("k").intValue(),
                    Stability.Mode.valueOf(st.path("mode").stringValue()), st.path("runs").intValue(), dbl(st.path("mean_ari")),
                    dbl(st.path("min_ari")), st.path("rows").intValue()) : null;
            return new Segmentation(a.datasetName(), r.path("dataset_rows").intValue(), o, sweep, intOrNull(r.path("suggested_k")),
                    intOrNull(r.path("best_silhouette_k")), k, ft, centroids, p[0], p[1], names, kResult(r.path("metrics")),
                    r.path("subset_rows").intValue(), r.path("dropped_rows").intValue(), r.path("imputed_cells").intValue(), stab);
        } catch (UserException e) {
            throw e;
        } catch (RuntimeException | IOException e) {
            // a project edited by hand or damaged on disk: say so in words, the decoder's text stays in the cause
            throw new UserException(e, "segment.error.artifactDamaged", a.name());
        }
    }

    // ---- options --------------------------------------------------------------------------------------

    static ObjectNode optionsJson(SegmentationOptions o) {
        ObjectNode n = MAPPER.createObjectNode();
        ArrayNode fs = n.putArray("features");
        for (Feature f : o.features()) {
            fs.addObject().put("column", f.column()).put("kind", f.kind().key()).put("transform", f.transform().key()).put("weight", f.weight());
        }
        n.put("scaling", o.scaling().key());
        n.put("missing", o.missing().key());
        ArrayNode filter = n.putArray("filter");
        o.filter().expressions().forEach(filter::add);
        ObjectNode sub = n.putObject("subset");
        sub.put("type", o.subset().key());
        switch (o.subset()) {
            case TopN t -> sub.put("score_column", t.scoreColumn()).put("n", t.n());
            case Rows r -> sub.put("count", r.rows().length);
            case AllRows a -> { }
        }
        n.put("k_min", o.kMin());
        n.put("k_max", o.kMax());
        n.put("restarts", o.restarts());
        n.put("seed", o.seed());
        n.put("silhouette_sample_size", o.silhouetteSampleSize());
        n.put("max_iterations", o.maxIterations());
        n.put("tolerance", o.tolerance());
        return n;
    }

    static SegmentationOptions options(JsonNode n, int[] subsetRows) {
        List<Feature> fs = new ArrayList<>();
        for (JsonNode f : n.path("features")) {
            fs.add(new Feature(f.path("column").stringValue(), FeatureKind.fromKey(f.path("kind").stringValue()),
                    Transform.fromKey(f.path("transform").stringValue()), f.path("weight").doubleValue()));
        }
        List<String> filter = new ArrayList<>();
        for (JsonNode f : n.path("filter")) filter.add(f.stringValue());
        JsonNode sub = n.path("subset");
        RowSubset subset = switch (sub.path("type").stringValue()) {
            case "top_n" -> new TopN(sub.path("score_column").stringValue(), sub.path("n").intValue());
            case "rows" -> new Rows(subsetRows);
            default -> new AllRows();
        };
        return new SegmentationOptions(fs, Scaling.fromKey(n.path("scaling").stringValue()),
                MissingPolicy.fromKey(n.path("missing").stringValue()), RowFilter.parse(filter), subset, n.path("k_min").intValue(), n.path("k_max").intValue(),
                n.path("restarts").intValue(), n.path("seed").longValue(), n.path("silhouette_sample_size").intValue(),
                n.path("max_iterations").intValue(), n.path("tolerance").doubleValue());
    }

    // ---- result ---------------------------------------------------------------------------------------

    static ObjectNode resultJson(Segmentation s) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("format_version", VERSION);
        n.put("dataset_rows", s.datasetRows());
        n.put("k", s.k());
        putInt(n, "suggested_k", s.suggestedK());
        putInt(n, "best_silhouette_k", s.bestSilhouetteK());
        ArrayNode names = n.putArray("names");
        s.names().forEach(names::add);
        ArrayNode sizes = n.putArray("sizes");
        for (int v : s.sizes()) sizes.add(v);
        ArrayNode sw = n.putArray("sweep");
        for (KResult r : s.sweep()) sw.add(kResultJson(r));
        n.set("metrics", kResultJson(s.metrics()));
        n.put("subset_rows", s.subsetRows());
        n.put("dropped_rows", s.droppedRows());
        n.put("imputed_cells", s.imputedCells());
        ArrayNode tr = n.putArray("transform");
        for (FeatureTransform f : s.transform().features()) tr.add(transformJson(f));
        ArrayNode dims = n.putArray("dimensions");
        s.dimNames().forEach(dims::add);
        ArrayNode cents = n.putArray("centroids");
        ArrayNode orig = n.putArray("centroids_original");
        for (int c = 0; c < s.k(); c++) {
            ArrayNode row = cents.addArray();
            for (double v : s.centroidScaled(c)) putDbl(row, v);
            ArrayNode o = orig.addArray();
            for (double v : s.centroidOriginal(c)) putDbl(o, v);
        }
        Stability.Result st = s.stability();
        if (st == null) {
            n.putNull("stability");
        } else {
            ObjectNode so = n.putObject("stability");
            so.put("k", st.k()).put("mode", st.mode().name()).put("runs", st.runs()).put("rows", st.rows());
            putDbl(so, "mean_ari", st.meanAri());
            putDbl(so, "min_ari", st.minAri());
        }
        return n;
    }

    private static ObjectNode kResultJson(KResult r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("k", r.k());
        putDbl(o, "inertia", r.inertia());
        putDbl(o, "silhouette", r.silhouette());
        o.put("silhouette_rows", r.silhouetteRows());
        putDbl(o, "calinski_harabasz", r.calinskiHarabasz());
        putDbl(o, "davies_bouldin", r.daviesBouldin());
        putDbl(o, "seconds", r.seconds());
        o.put("iterations", r.iterations());
        o.put("converged", r.converged());
        return o;
    }

    private static KResult kResult(JsonNode o) {
        return new KResult(o.path("k").intValue(), dbl(o.path("inertia")), dbl(o.path("silhouette")), o.path("silhouette_rows").intValue(),
                dbl(o.path("calinski_harabasz")), dbl(o.path("davies_bouldin")), dbl(o.path("seconds")), o.path("iterations").intValue(),
                o.path("converged").booleanValue());
    }

    private static ObjectNode transformJson(FeatureTransform f) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("column", f.column()).put("kind", f.kind().key()).put("transform", f.transform().key()).put("weight", f.weight())
                .put("scaling", f.scaling().key()).put("first_dim", f.firstDim());
        putDbl(o, "center", f.center());
        putDbl(o, "scale", f.scale());
        putDbl(o, "mean", f.mean());
        putDbl(o, "sd", f.sd());
        putDbl(o, "median", f.median());
        putDbl(o, "iqr", f.iqr());
        putDbl(o, "min", f.min());
        putDbl(o, "max", f.max());
        putDbl(o, "fill_value", f.fillValue());
        ArrayNode lv = o.putArray("levels");
        f.levels().forEach(lv::add);
        if (f.fillLevel() == null) o.putNull("fill_level"); else o.put("fill_level", f.fillLevel());
        return o;
    }

    private static FeatureTransform transform(JsonNode o) {
        List<String> levels = new ArrayList<>();
        for (JsonNode l : o.path("levels")) levels.add(l.stringValue());
        JsonNode fl = o.path("fill_level");
        return new FeatureTransform(o.path("column").stringValue(), FeatureKind.fromKey(o.path("kind").stringValue()),
                Transform.fromKey(o.path("transform").stringValue()), o.path("weight").doubleValue(),
                Scaling.fromKey(o.path("scaling").stringValue()), dbl(o.path("center")), dbl(o.path("scale")), dbl(o.path("mean")),
                dbl(o.path("sd")), dbl(o.path("median")), dbl(o.path("iqr")), dbl(o.path("min")), dbl(o.path("max")),
                dbl(o.path("fill_value")), levels, fl.isString() ? fl.stringValue() : null, o.path("first_dim").intValue());
    }

    private static void putInt(ObjectNode n, String f, Integer v) {
        if (v == null) n.putNull(f); else n.put(f, v.intValue());
    }

    private static void putDbl(ObjectNode n, String f, double v) {
        if (Double.isFinite(v)) n.put(f, v); else n.putNull(f);
    }

    private static void putDbl(ArrayNode a, double v) {
        if (Double.isFinite(v)) a.add(v); else a.addNull();
    }

    private static double dbl(JsonNode n) { return n == null || !n.isNumber() ? Double.NaN : n.doubleValue(); }

    private static Integer intOrNull(JsonNode n) { return n != null && n.isIntegralNumber() ? n.intValue() : null; }

    // ---- payload --------------------------------------------------------------------------------------

    static byte[] payload(Segmentation s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            writeDelta(out, s.rows());
            out.writeInt(s.assignment().length);
            for (int a : s.assignment()) out.writeInt(a);
            writeDelta(out, s.options().subset() instanceof Rows r ? r.rows() : new int[0]);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    private static void writeDelta(DataOutputStream out, int[] v) throws IOException {
        out.writeInt(v.length);
        int prev = 0;
        for (int x : v) { out.writeInt(x - prev); prev = x; }
    }

    private static int[] readDelta(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) throw new IOException("bad length");
        int[] v = new int[n];
        int prev = 0;
        for (int i = 0; i < n; i++) { prev += in.readInt(); v[i] = prev; }
        return v;
    }

    /** rows, assignment, subset rows. */
    static int[][] readPayload(byte[] p) throws IOException {
        if (p == null) throw new IOException("no payload");
        try (DataInputStream in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(p)))) {
            if (in.readInt() != MAGIC) throw new IOException("not a segmentation payload");
            int version = in.readInt();
            if (version != VERSION) throw new IOException("payload version " + version);
            int[] rows = readDelta(in);
            int n = in.readInt();
            if (n != rows.length) throw new IOException("assignment length");
            int[] asg = new int[n];
            for (int i = 0; i < n; i++) asg[i] = in.readInt();
            int[] subset = readDelta(in);
            return new int[][]{rows, asg, subset};
        }
    }
}
