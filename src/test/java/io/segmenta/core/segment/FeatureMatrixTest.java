package io.segmenta.core.segment;

import io.segmenta.core.data.BooleanColumn;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.DateColumn;
import io.segmenta.core.data.DoubleColumn;
import io.segmenta.core.data.LongColumn;
import io.segmenta.core.data.StringColumn;
import io.segmenta.core.eda.RowFilter;
import io.segmenta.core.segment.SegmentationOptions.Feature;
import io.segmenta.core.segment.SegmentationOptions.MissingPolicy;
import io.segmenta.core.segment.SegmentationOptions.Scaling;
import io.segmenta.core.util.UserException;
import org.junit.jupiter.api.Test;

import java.util.BitSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class FeatureMatrixTest {

    static Dataset small() {
        BitSet miss = new BitSet();
        miss.set(4);
        return new Dataset("t", List.of(
                new DoubleColumn("spend", new double[]{10, 20, 30, 40, 0, 60}, miss),
                new LongColumn("age", new long[]{20, 30, 40, 50, 60, 70}, null),
                StringColumn.of("city", true, "Madrid", "Sevilla", "Madrid", null, "Madrid", "Bilbao"),
                new LongColumn("same", new long[]{5, 5, 5, 5, 5, 5}, null),
                new DoubleColumn("empty", new double[6], all(6)),
                new DoubleColumn("score", new double[]{0.9, 0.1, 0.8, 0.7, 0.2, 0.3}, null)));
    }

    static BitSet all(int n) {
        BitSet b = new BitSet();
        b.set(0, n);
        return b;
    }

    @Test
    void zscoreOneHotAndImputation() {
        SegmentationOptions o = SegmentationOptions.of(Feature.numeric("age"), Feature.numeric("spend"), Feature.categorical("city", 0.5));
        FeatureMatrix m = FeatureMatrix.build(small(), o);
        assertThat(m.n()).isEqualTo(6);
        assertThat(m.d()).isEqualTo(5);
        assertThat(m.dimNames()).containsExactly("age", "spend", "city=Madrid", "city=Sevilla", "city=Bilbao");
        assertThat(m.imputedCells()).isEqualTo(2);
        assertThat(m.droppedRows()).isZero();
        // age 20..70: mean 45, population sd sqrt(291.666…)
        double sd = Math.sqrt(291.6666666666667);
        assertThat(m.data()[0]).isCloseTo((20 - 45) / sd, within(1e-12));
        // spend row 4 imputed with the median of 10,20,30,40,60 = 30
        FeatureTransform spend = m.transform().features().get(1);
        assertThat(spend.fillValue()).isEqualTo(30);
        assertThat(spend.mean()).isCloseTo(190.0 / 6, within(1e-12));
        // city row 3 missing -> mode Madrid; one-hot value is the weight
        assertThat(m.data()[3 * 5 + 2]).isEqualTo(0.5);
        assertThat(m.data()[1 * 5 + 3]).isEqualTo(0.5);
        assertThat(m.transform().features().get(2).fillLevel()).isEqualTo("Madrid");
        // back to original units
        double[] orig = m.transform().toOriginal(new double[]{0, 0, 0.25, 0.5, 0});
        assertThat(orig[0]).isCloseTo(45, within(1e-9));
        assertThat(orig[2]).isEqualTo(0.5);
        assertThat(orig[3]).isEqualTo(1.0);
    }

    @Test
    void dropRobustMinmaxAndLog1p() {
        SegmentationOptions o = SegmentationOptions.of(Feature.numeric("age"), Feature.log1p("spend"))
                .withMissing(MissingPolicy.DROP).withScaling(Scaling.ROBUST);
        FeatureMatrix m = FeatureMatrix.build(small(), o);
        assertThat(m.n()).isEqualTo(5);
        assertThat(m.droppedRows()).isEqualTo(1);
        assertThat(m.rows()).containsExactly(0, 1, 2, 3, 5);
        FeatureTransform age = m.transform().features().get(0);
        // ages 20,30,40,50,70: median 40, IQR 50 − 30 = 20
        assertThat(age.center()).isEqualTo(40);
        assertThat(age.scale()).isEqualTo(20);
        FeatureTransform spend = m.transform().features().get(1);
        assertThat(spend.toOriginal(spend.toMatrix(25))).isCloseTo(25, within(1e-9));
        assertThat(spend.center()).isCloseTo(Math.log1p(30), within(1e-12));

        FeatureMatrix mm = FeatureMatrix.build(small(), SegmentationOptions.of(Feature.numeric("age")).withScaling(Scaling.MINMAX));
        assertThat(mm.data()).containsExactly(new double[]{0, 0.2, 0.4, 0.6, 0.8, 1.0}, within(1e-12));
        FeatureMatrix none = FeatureMatrix.build(small(), SegmentationOptions.of(Feature.numeric("age")).withScaling(Scaling.NONE));
        assertThat(none.data()).containsExactly(20, 30, 40, 50, 60, 70);
    }

    @Test
    void topNByScoreAndRowSubsets() {
        SegmentationOptions o = SegmentationOptions.of(Feature.numeric("age")).withSubset(new SegmentationOptions.TopN("score", 3));
        FeatureMatrix m = FeatureMatrix.build(small(), o);
        assertThat(m.rows()).containsExactly(0, 2, 3);
        assertThat(m.subsetRows()).isEqualTo(3);
        FeatureMatrix r = FeatureMatrix.build(small(), o.withSubset(new SegmentationOptions.Rows(new int[]{5, 1, 1})));
        assertThat(r.rows()).containsExactly(1, 5);
        assertThatThrownBy(() -> FeatureMatrix.build(small(), o.withSubset(new SegmentationOptions.Rows(new int[]{6}))))
                .isInstanceOf(UserException.class).hasMessageContaining("Row 6 does not exist").hasMessageContaining("6 rows");
    }

    @Test
    void badInputsGetClearMessages() {
        Dataset ds = small();
        assertThatThrownBy(() -> SegmentationOptions.of(List.of())).isInstanceOf(UserException.class)
                .hasMessage("Choose at least one feature to segment on.");
        assertThatThrownBy(() -> FeatureMatrix.build(ds, SegmentationOptions.of(Feature.numeric("salary"))))
                .isInstanceOf(UserException.class).hasMessageContaining("no column \"salary\"").hasMessageContaining("spend, age, city");
        assertThatThrownBy(() -> FeatureMatrix.build(ds, SegmentationOptions.of(Feature.numeric("same"))))
                .isInstanceOf(UserException.class).hasMessageContaining("same has the same value (5) in every chosen row");
        assertThatThrownBy(() -> FeatureMatrix.build(ds, SegmentationOptions.of(Feature.numeric("empty"))))
                .isInstanceOf(UserException.class).hasMessageContaining("empty is missing in every chosen row");
        assertThatThrownBy(() -> FeatureMatrix.build(ds, SegmentationOptions.of(Feature.numeric("city"))))
                .isInstanceOf(UserException.class).hasMessageContaining("city is categorical, not a number");
        assertThatThrownBy(() -> FeatureMatrix.build(ds, SegmentationOptions.of(Feature.categorical("age", 1))))
                .isInstanceOf(UserException.class).hasMessageContaining("age is integer, not a category");
        Dataset neg = new Dataset("n", List.of(new DoubleColumn("v", new double[]{-2, 1, 3}, null)));
        assertThatThrownBy(() -> FeatureMatrix.build(neg, SegmentationOptions.of(Feature.log1p("v"))))
                .isInstanceOf(UserException.class).hasMessageContaining("above -1");
        Dataset dates = new Dataset("d", List.of(new DateColumn("when", new int[]{1, 2}, null)));
        assertThatThrownBy(() -> FeatureMatrix.autoFeature(dates, "when")).isInstanceOf(UserException.class)
                .hasMessageContaining("cannot be a feature");

        FeatureMatrix m = FeatureMatrix.build(ds, SegmentationOptions.of(Feature.numeric("age"))
                .withSubset(new SegmentationOptions.TopN("score", 3)));
        assertThatThrownBy(() -> m.checkK(4)).isInstanceOf(UserException.class)
                .hasMessage("Only 3 rows are left, fewer than k = 4: choose a smaller k or more rows.");
        Dataset dup = new Dataset("dup", List.of(new LongColumn("v", new long[]{1, 1, 1, 2, 2, 2}, null),
                new BooleanColumn("b", 6, new BitSet(), null)));
        FeatureMatrix dm = FeatureMatrix.build(dup, SegmentationOptions.of(Feature.numeric("v")));
        assertThatThrownBy(() -> dm.checkK(3)).isInstanceOf(UserException.class)
                .hasMessage("The rows have only 2 distinct points, fewer than k = 3: choose a smaller k or more varied features.");
        dm.checkK(2);
        SegmentationOptions dropAll = SegmentationOptions.of(Feature.numeric("spend"), Feature.categorical("city", 1))
                .withMissing(MissingPolicy.DROP);
        Dataset allMissing = ds.select(new int[]{3, 4});
        assertThatThrownBy(() -> FeatureMatrix.build(allMissing, dropAll)).isInstanceOf(UserException.class)
                .hasMessageContaining("dropping them leaves nothing");
    }

    @Test
    void badOptionsGetClearMessages() {
        Feature f = Feature.numeric("a");
        assertThatThrownBy(() -> SegmentationOptions.of(f).withKRange(1, 5)).hasMessageContaining("at least 2, not 1");
        assertThatThrownBy(() -> SegmentationOptions.of(f).withKRange(6, 5)).hasMessageContaining("range 6..5 is empty");
        assertThatThrownBy(() -> SegmentationOptions.of(f).withKRange(2, 60)).hasMessageContaining("at most 50");
        assertThatThrownBy(() -> SegmentationOptions.of(f).withRestarts(0)).hasMessageContaining("Restarts");
        assertThatThrownBy(() -> SegmentationOptions.of(f, f)).hasMessageContaining("listed twice");
        assertThatThrownBy(() -> Feature.categorical("c", 0)).hasMessageContaining("positive number");
        assertThatThrownBy(() -> Scaling.fromKey("pareto")).hasMessageContaining("zscore, robust, minmax or none");
        assertThatThrownBy(() -> SegmentationOptions.of(f).withSilhouetteSampleSize(10)).hasMessageContaining("at least 100");
    }

    @Test
    void filterIsAppliedBeforeEverySubsetAndRecordedInTheOptionsJson() {
        Dataset ds = small();
        SegmentationOptions o = SegmentationOptions.of(Feature.numeric("age")).withFilter(RowFilter.parse("city=Madrid"));
        // Madrid: rows 0, 2, 4
        assertThat(FeatureMatrix.build(ds, o).rows()).containsExactly(0, 2, 4);
        // top 3 by score among the Madrid rows is 0, 2, 4 (0.9, 0.8, 0.2); among all rows it would be 0, 2, 3
        FeatureMatrix top = FeatureMatrix.build(ds, o.withSubset(new SegmentationOptions.TopN("score", 3)));
        assertThat(top.rows()).containsExactly(0, 2, 4);
        assertThat(top.subsetRows()).isEqualTo(3);
        assertThat(FeatureMatrix.build(ds, SegmentationOptions.of(Feature.numeric("age"))
                .withSubset(new SegmentationOptions.TopN("score", 3))).rows()).containsExactly(0, 2, 3);
        // given rows: only those the filter keeps
        assertThat(FeatureMatrix.build(ds, o.withSubset(new SegmentationOptions.Rows(new int[]{1, 2, 4, 5}))).rows())
                .containsExactly(2, 4);
        assertThatThrownBy(() -> FeatureMatrix.build(ds, o.withFilter(RowFilter.parse("city=Cadiz"))))
                .isInstanceOf(UserException.class).hasMessageContaining("no rows");
        assertThatThrownBy(() -> FeatureMatrix.build(ds, o.withFilter(RowFilter.parse("town=Cadiz"))))
                .isInstanceOf(UserException.class).hasMessageContaining("town");

        SegmentationOptions two = o.withFilter(RowFilter.parse("city in Madrid,\"Bil, bao\"", "age >= 30"))
                .withSubset(new SegmentationOptions.TopN("score", 3));
        var json = SegmentationArtifacts.optionsJson(two);
        assertThat(json.get("filter")).extracting(n -> n.stringValue()).containsExactly("city in Madrid,\"Bil, bao\"", "age >= 30");
        assertThat(SegmentationArtifacts.options(json, new int[0])).isEqualTo(two);
        json.remove("filter"); // saved before filters existed
        assertThat(SegmentationArtifacts.options(json, new int[0]).filter()).isEqualTo(RowFilter.NONE);
        assertThat(SegmentationOptions.of(Feature.numeric("age")).filter().isEmpty()).isTrue();
    }
}
