package io.segmenta.core.model;

import io.segmenta.core.data.BooleanColumn;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.util.UserException;
import org.junit.jupiter.api.Test;

import java.util.BitSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A yes/no target is named by the file's own words, and older models' "true"/"false" still read. */
class TargetEncodingTest {
    private static Dataset churn(String yes, String no) {
        BitSet t = new BitSet();
        t.set(0);
        t.set(3);
        BitSet missing = new BitSet();
        missing.set(4);
        return new Dataset("d", List.of(new BooleanColumn("Churn", 5, t, missing, false, yes, no)));
    }

    @Test
    void aYesNoTargetIsNamedByItsWords() {
        Dataset d = churn("Yes", "No");
        TargetEncoding auto = TargetEncoding.resolve(d, "Churn", null, null);
        assertThat(auto.positive()).isEqualTo("Yes");
        assertThat(auto.negative()).isEqualTo("No");
        assertThat(auto.values(d)).containsExactly(1, 0, 0, 1, Double.NaN);

        TargetEncoding no = TargetEncoding.resolve(d, "Churn", "no", null);
        assertThat(no.positive()).isEqualTo("No");
        assertThat(no.values(d)).containsExactly(0, 1, 1, 0, Double.NaN);

        // a model saved before the words were kept stored "true"/"false"
        assertThat(new TargetEncoding("Churn", Task.CLASSIFICATION, "false", "true").values(d)).containsExactly(0, 1, 1, 0, Double.NaN);
        assertThat(new TargetEncoding("Churn", Task.CLASSIFICATION, "true", "false").values(d)).containsExactly(1, 0, 0, 1, Double.NaN);

        assertThatThrownBy(() -> TargetEncoding.resolve(d, "Churn", "maybe", null))
                .isInstanceOf(UserException.class).hasMessageContaining("maybe").hasMessageContaining("\"Yes\"").hasMessageContaining("\"No\"");
    }

    /** Regression: a 0/1 target with five stray 2s silently became a regression with value tiers. */
    @Test
    void aNearlyYesNoNumberIsNotGuessed() {
        long[] v = new long[1000];
        for (int i = 0; i < v.length; i++) v[i] = i < 5 ? 2 : i % 5 == 0 ? 1 : 0;
        Dataset d = new Dataset("d", List.of(new io.segmenta.core.data.LongColumn("Exited", v, null)));
        assertThatThrownBy(() -> TargetEncoding.resolve(d, "Exited", null, null))
                .isInstanceOf(UserException.class).hasMessageContaining("0 and 1 hold 995 of its 1,000 values")
                .hasMessageContaining("5 rows hold 2").hasMessageContaining("--positive 1").hasMessageContaining("--task regression");
        assertThat(TargetEncoding.resolve(d, "Exited", "1", null).task()).isEqualTo(Task.CLASSIFICATION);
        assertThat(TargetEncoding.resolve(d, "Exited", null, Task.REGRESSION).task()).isEqualTo(Task.REGRESSION);
        // a count spread over several values is a number
        for (int i = 0; i < v.length; i++) v[i] = i % 4;
        assertThat(TargetEncoding.resolve(d, "Exited", null, null).task()).isEqualTo(Task.REGRESSION);
        // …and so is a count of mostly 0 and 1 that runs on (complaints: 958 × 0, 38 × 1, then 2, 3, 4)
        for (int i = 0; i < v.length; i++) v[i] = i < 958 ? 0 : i < 996 ? 1 : i - 994;
        assertThat(TargetEncoding.resolve(d, "Exited", null, null).task()).isEqualTo(Task.REGRESSION);
    }

    @Test
    void spanishWordsAreClassesToo() {
        Dataset d = churn("Verdadero", "Falso");
        assertThat(TargetEncoding.resolve(d, "Churn", "falso", null).positive()).isEqualTo("Falso");
        assertThat(TargetEncoding.resolve(d, "Churn", "sí", null).positive()).isEqualTo("Verdadero");
    }
}
