package io.segmenta.core.segment;

import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.StringColumn;
import io.segmenta.core.project.Artifact;
import io.segmenta.core.project.DatasetEntry;
import io.segmenta.core.project.Project;
import io.segmenta.core.project.ProjectStore;
import io.segmenta.core.segment.SegmentationOptions.Feature;
import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SegmentationTest {
    @TempDir
    Path dir;

    static final Blobs BLOBS = Blobs.of(Blobs.FOUR, 1000, 1.5, 21);

    static SegmentationOptions options() {
        return SegmentationOptions.of(Feature.numeric("x1"), Feature.numeric("x2"), Feature.numeric("x3"))
                .withKRange(2, 8).withRestarts(3).withSeed(7);
    }

    @Test
    void sweepSuggestsThePlantedKAndReportsEveryK() {
        Dataset ds = BLOBS.dataset("blobs");
        FeatureMatrix m = FeatureMatrix.build(ds, options());
        List<Integer> seen = new ArrayList<>();
        List<Long> progress = new ArrayList<>();
        TaskContext ctx = new TaskContext() {
            @Override public void progress(long done, long total, String message) { progress.add(done); assertThat(total).isEqualTo(28); }
            @Override public boolean isCancelled() { return false; }
        };
        SweepResult r = ElbowSweep.run(m, options(), 2, kr -> seen.add(kr.k()), ctx);
        assertThat(seen).containsExactly(2, 3, 4, 5, 6, 7, 8);
        assertThat(progress).isSorted().contains(28L);
        assertThat(r.suggestedK()).isEqualTo(4);
        assertThat(r.bestSilhouetteK()).isEqualTo(4);
        assertThat(r.disagree()).isFalse();
        assertThat(r.advice(Locale.ENGLISH)).isEqualTo("The elbow and the best silhouette agree: k = 4.");
        KResult k4 = r.result(4);
        assertThat(k4.silhouette()).isGreaterThan(0.6);
        assertThat(k4.silhouetteRows()).isEqualTo(4000);
        assertThat(k4.seconds()).isPositive();
        for (int i = 1; i < r.results().size(); i++) {
            assertThat(r.results().get(i).inertia()).isLessThan(r.results().get(i - 1).inertia());
        }
        // the same seed gives the same sweep
        SweepResult again = ElbowSweep.run(m, options(), 3, null, TaskContext.NONE);
        for (int i = 0; i < r.results().size(); i++) {
            assertThat(again.results().get(i).inertia()).isEqualTo(r.results().get(i).inertia());
        }
    }

    @Test
    void adviceSaysSoWhenKneeAndSilhouetteDisagreeOrThereIsNoElbow() {
        List<KResult> rs = new ArrayList<>();
        double[] inertia = {1000, 600, 200, 180, 165, 150};
        double[] sil = {0.3, 0.5, 0.4, 0.35, 0.3, 0.2};
        for (int i = 0; i < inertia.length; i++) rs.add(new KResult(i + 2, inertia[i], sil[i], 100, 1, 1, 0.1, 3, true));
        SweepResult r = SweepResult.of(rs);
        assertThat(r.suggestedK()).isEqualTo(4);
        assertThat(r.bestSilhouetteK()).isEqualTo(3);
        assertThat(r.disagree()).isTrue();
        assertThat(r.advice(Locale.ENGLISH)).contains("elbow is at k = 4").contains("best silhouette is at k = 3").contains("disagree");
        assertThat(r.advice(Locale.of("es"))).contains("no coinciden");
        List<KResult> line = new ArrayList<>();
        for (int i = 0; i < 6; i++) line.add(new KResult(i + 2, 1000 - 100 * i, 0.1 * i, 100, 1, 1, 0.1, 3, true));
        SweepResult flat = SweepResult.of(line);
        assertThat(flat.suggestedK()).isNull();
        assertThat(flat.advice(Locale.ENGLISH)).isEqualTo("No clear elbow in the inertia curve. The best silhouette is at k = 7.");
    }

    @Test
    void finalFitAddsTheSegmentColumnAndIsStable() {
        Dataset ds = BLOBS.dataset("blobs");
        SegmentationOptions o = options();
        Segmentation s = Segmenter.fit(ds, o, 4, null, TaskContext.NONE);
        assertThat(s.k()).isEqualTo(4);
        int[] sizes = s.sizes();
        for (int c = 0; c < 4; c++) assertThat(sizes[c]).isBetween(980, 1020);
        for (int c = 1; c < 4; c++) assertThat(sizes[c]).isLessThanOrEqualTo(sizes[c - 1]);
        assertThat(s.names()).containsExactly("Segment 1", "Segment 2", "Segment 3", "Segment 4");
        assertThat(ClusterMetrics.adjustedRand(BLOBS.truth, s.assignment())).isGreaterThanOrEqualTo(0.95);
        // centroids in original units sit on the planted centres
        List<double[]> found = new ArrayList<>();
        for (int c = 0; c < 4; c++) found.add(s.centroidOriginal(c));
        for (double[] centre : Blobs.FOUR) {
            assertThat(found).anySatisfy(f -> {
                for (int j = 0; j < 3; j++) assertThat(f[j]).isCloseTo(centre[j], within(0.2));
            });
        }
        Dataset with = s.addSegmentColumn(ds, "segment");
        StringColumn col = (StringColumn) with.column("segment");
        assertThat(col.categorical()).isTrue();
        assertThat(col.getString(0)).isEqualTo(s.names().get(s.assignment()[0]));
        assertThat(s.segmentOfRow(5)).isEqualTo(s.assignment()[5]);

        Stability.Result st = Stability.assess(FeatureMatrix.build(ds, o), 4, Stability.Mode.BOOTSTRAP, 3, 2, 1, 2000, 2, TaskContext.NONE);
        assertThat(st.meanAri()).isGreaterThan(0.95);
        assertThat(st.rows()).isEqualTo(2000);
        assertThat(st.verdict(Locale.ENGLISH)).startsWith("Stable");
        Stability.Result seeds = Stability.assess(FeatureMatrix.build(ds, o), 4, Stability.Mode.SEEDS, 3, 1, 1, 20_000, 2, TaskContext.NONE);
        assertThat(seeds.minAri()).isGreaterThan(0.95);

        assertThatThrownBy(() -> s.withNames(List.of("A", "B", "A", "C"))).isInstanceOf(UserException.class)
                .hasMessageContaining("Two segments are called \"A\"");
        assertThatThrownBy(() -> s.withNames(List.of("A", " ", "B", "C"))).hasMessageContaining("Segment 2 needs a name");
        assertThatThrownBy(() -> s.addSegmentColumn(ds.select(new int[]{0, 1}), "segment")).isInstanceOf(UserException.class)
                .hasMessageContaining("run it again");
    }

    @Test
    void artifactRoundTripThroughTheProjectFile() {
        Dataset ds = BLOBS.dataset("blobs");
        SegmentationOptions o = options().withSubset(new SegmentationOptions.Rows(java.util.stream.IntStream.range(0, 3000).toArray()));
        FeatureMatrix m = FeatureMatrix.build(ds, o);
        SweepResult sweep = ElbowSweep.run(m, o.withKRange(2, 5), 2, null, TaskContext.NONE);
        Segmentation s = Segmenter.fit(ds, m, o, 4, sweep, 2, TaskContext.NONE)
                .withNames(List.of("North", "South", "East", "Westerners"))
                .withStability(new Stability.Result(4, Stability.Mode.SEEDS, 3, 0.99, 0.98, 3000));
        Artifact a = SegmentationArtifacts.toArtifact(s, "main", Instant.parse("2025-01-02T03:04:05Z"));
        assertThat(a.kind()).isEqualTo("segmentation");
        assertThat(a.optionsJson()).contains("\"scaling\":\"zscore\"").contains("\"seed\":7");
        assertThat(a.resultJson()).contains("\"suggested_k\"").contains("\"centroids_original\"");

        Path file = dir.resolve("p.segmenta");
        Project p = Project.empty().withDataset(new DatasetEntry(ds, "generated", null, List.of(), null, Instant.now(), null))
                .withArtifact(a);
        ProjectStore.save(p, file, TaskContext.NONE);
        Artifact back = ProjectStore.open(file).artifacts().get(0);
        Segmentation r = SegmentationArtifacts.fromArtifact(back);
        assertThat(r).usingRecursiveComparison().isEqualTo(s);
        assertThat(r.options()).isEqualTo(s.options());
        assertThat(r.centroids()).isEqualTo(s.centroids());
        assertThat(r.assignment()).isEqualTo(s.assignment());
        assertThat(r.names()).containsExactly("North", "South", "East", "Westerners");
        assertThat(r.sweep()).isEqualTo(s.sweep());

        Artifact broken = new Artifact("segmentation", "bad", "blobs", a.optionsJson(), a.resultJson(), new byte[]{1, 2, 3}, null);
        assertThatThrownBy(() -> SegmentationArtifacts.fromArtifact(broken)).isInstanceOf(UserException.class)
                .hasMessageContaining("saved segmentation \"bad\" is damaged");
    }

    @Test
    void pcaFindsTheLongAxis() {
        double[][] cov = {{4, 2, 0}, {2, 3, 0}, {0, 0, 1}};
        Pca.Eigen e = Pca.eigen(cov);
        // eigenvalues of [[4,2],[2,3]] are (7 ± sqrt(17)) / 2
        assertThat(e.values()).containsExactly(new double[]{(7 + Math.sqrt(17)) / 2, (7 - Math.sqrt(17)) / 2, 1}, within(1e-10));
        for (int i = 0; i < 3; i++) {
            double[] v = e.vectors()[i];
            double[] av = new double[3];
            for (int a = 0; a < 3; a++) for (int b = 0; b < 3; b++) av[a] += cov[a][b] * v[b];
            for (int a = 0; a < 3; a++) assertThat(av[a]).isCloseTo(e.values()[i] * v[a], within(1e-10));
        }
        // points along (1, 1, 0) with little noise: the first component is that direction
        java.util.Random r = new java.util.Random(1);
        int n = 500;
        double[] x = new double[n * 3];
        for (int i = 0; i < n; i++) {
            double t = r.nextGaussian() * 5;
            x[i * 3] = t + 0.1 * r.nextGaussian();
            x[i * 3 + 1] = t + 0.1 * r.nextGaussian();
            x[i * 3 + 2] = 0.1 * r.nextGaussian();
        }
        Pca.Projection p = Pca.project(FeatureMatrix.of(x, n, 3), new int[n], new double[]{0, 0, 0}, 1, 100, 3);
        assertThat(p.components()[0][0]).isCloseTo(Math.sqrt(0.5), within(0.01));
        assertThat(p.components()[0][1]).isCloseTo(Math.sqrt(0.5), within(0.01));
        assertThat(p.explained()[0]).isGreaterThan(0.99);
        assertThat(p.x()).hasSize(100);
    }
}
