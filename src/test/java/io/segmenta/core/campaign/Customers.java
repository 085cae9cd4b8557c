package io.segmenta.core.campaign;

import io.segmenta.core.data.Column;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.DoubleColumn;
import io.segmenta.core.data.LongColumn;
import io.segmenta.core.data.StringColumn;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** Synthetic customers for the campaign tests: ids C00001…, segments S1…, a score, a tier, contact fields. */
final class Customers {
    private Customers() { }

    /** {@code sizes[i]} customers in segment S(i+1); rows interleaved so segments are not contiguous. */
    static Dataset dataset(int... sizes) {
        int n = 0;
        for (int s : sizes) n += s;
        String[] ids = new String[n];
        String[] seg = new String[n];
        String[] tier = new String[n];
        String[] email = new String[n];
        double[] score = new double[n];
        long[] age = new long[n];
        int[] left = sizes.clone();
        int r = 0;
        while (r < n) {
            for (int s = 0; s < sizes.length && r < n; s++) {
                if (left[s] == 0) continue;
                left[s]--;
                ids[r] = String.format("C%05d", r + 1);
                seg[r] = "S" + (s + 1);
                tier[r] = switch (r % 3) { case 0 -> "Gold"; case 1 -> "Silver"; default -> "Bronze"; };
                email[r] = "c" + (r + 1) + "@example.com";
                score[r] = ((r * 7919L) % 10007) / 10007.0;
                age[r] = 18 + (r * 31L) % 60;
                r++;
            }
        }
        List<Column> cols = new ArrayList<>();
        cols.add(StringColumn.of("customer_id", false, ids));
        cols.add(StringColumn.of("segment_name", true, seg));
        cols.add(StringColumn.of("tier", true, tier));
        cols.add(StringColumn.of("email", false, email));
        cols.add(new DoubleColumn("p_buy", score, new BitSet()));
        cols.add(new LongColumn("age", age, new BitSet()));
        return new Dataset("customers", cols);
    }

    static CampaignDefinition stratified(int size, int creatives, Holdout holdout, long seed) {
        return CampaignDefinition.of("customers", "customer_id", "segment_name", size, creatives, Allocation.STRATIFIED, holdout, seed);
    }
}
