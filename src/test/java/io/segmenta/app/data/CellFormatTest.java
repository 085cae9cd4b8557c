package io.segmenta.app.data;

import io.segmenta.core.data.DoubleColumn;
import org.junit.jupiter.api.Test;

import java.util.BitSet;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class CellFormatTest {
    private static DoubleColumn column(double... v) {
        BitSet missing = new BitSet();
        for (int i = 0; i < v.length; i++) if (Double.isNaN(v[i])) missing.set(i);
        return new DoubleColumn("income", v, missing);
    }

    @Test
    void everyValueOfAColumnHasTheSameDecimalPlacesWithLocaleGrouping() {
        CellFormat en = new CellFormat(column(66608.3, 71029.78, 1200, Double.NaN), Locale.ENGLISH);
        assertThat(en.decimals()).isEqualTo(2);
        assertThat(en.format(0)).isEqualTo("66,608.30");
        assertThat(en.format(1)).isEqualTo("71,029.78");
        assertThat(en.format(2)).isEqualTo("1,200.00");
        assertThat(en.format(3)).as("missing").isNull();

        CellFormat es = new CellFormat(column(66608.3, 71029.78), Locale.of("es", "ES"));
        assertThat(es.format(0)).isEqualTo("66.608,30");
        assertThat(es.format(1)).isEqualTo("71.029,78");
    }

    @Test
    void decimalPlacesFollowTheDataUpToFour() {
        assertThat(CellFormat.decimalsNeeded(new double[]{1, 2, 30_000}, 4, 1000)).isZero();
        assertThat(CellFormat.decimalsNeeded(new double[]{0.5, 2, Double.NaN}, 4, 1000)).isEqualTo(1);
        assertThat(CellFormat.decimalsNeeded(new double[]{0.1 + 0.2, 1.25}, 4, 1000)).as("binary noise ignored").isEqualTo(2);
        assertThat(CellFormat.decimalsNeeded(new double[]{1.0 / 3}, 4, 1000)).isEqualTo(4);
        assertThat(CellFormat.decimalsNeeded(new double[]{1234567.1234, 0.001}, 4, 1000)).isEqualTo(4);
        assertThat(CellFormat.decimalsNeeded(new double[]{}, 4, 1000)).isZero();
        assertThat(new CellFormat(column(1.0 / 3), Locale.ENGLISH).format(0)).isEqualTo("0.3333");
    }

    @Test
    void aLongColumnIsSampledEvenlyAndCheaply() {
        double[] v = new double[2_000_000];
        for (int i = 0; i < v.length; i++) v[i] = i;
        v[1_000_000] = 7.25; // on the sampling grid (every 20th value for a sample of 100,000)
        long t0 = System.nanoTime();
        int d = CellFormat.decimalsNeeded(v, 4, 100_000);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(d).isEqualTo(2);
        assertThat(ms).isLessThan(200);
    }
}
