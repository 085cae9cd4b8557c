package io.segmenta.core.segment;

import io.segmenta.core.util.I18n;

import java.util.List;
import java.util.Locale;

/**
 * The finished (or partial, when cancelled) elbow sweep.
 *
 * @param results         one entry per k, ascending
 * @param suggestedK      the knee of the inertia curve ({@link Knee}), null when there is no clear elbow
 * @param bestSilhouetteK the k with the highest silhouette, null when none is defined
 */
public record SweepResult(List<KResult> results, Integer suggestedK, Integer bestSilhouetteK) {
    public SweepResult {
        results = List.copyOf(results);
    }

    /** Knee and best silhouette of some results. */
    public static SweepResult of(List<KResult> results) {
        int[] ks = new int[results.size()];
        double[] inertia = new double[results.size()];
        Integer bestSil = null;
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < results.size(); i++) {
            KResult r = results.get(i);
            ks[i] = r.k();
            inertia[i] = r.inertia();
            if (!Double.isNaN(r.silhouette()) && r.silhouette() > best) { best = r.silhouette(); bestSil = r.k(); }
        }
        return new SweepResult(results, Knee.find(ks, inertia).knee(), bestSil);
    }

    public KResult result(int k) {
        return results.stream().filter(r -> r.k() == k).findFirst().orElse(null);
    }

    /** Whether the knee and the best silhouette point at different k (or only one exists). */
    public boolean disagree() {
        return suggestedK == null || bestSilhouetteK == null ? suggestedK != bestSilhouetteK : !suggestedK.equals(bestSilhouetteK);
    }

    /** A plain sentence on what to choose, in the app language. */
    public String advice() { return advice(I18n.locale()); }

    public String advice(Locale l) {
        if (suggestedK == null && bestSilhouetteK == null) return I18n.tr(l, "segment.advice.none");
        if (suggestedK == null) return I18n.tr(l, "segment.advice.noElbow", bestSilhouetteK);
        if (bestSilhouetteK == null) return I18n.tr(l, "segment.advice.elbowOnly", suggestedK);
        if (suggestedK.equals(bestSilhouetteK)) return I18n.tr(l, "segment.advice.agree", suggestedK);
        return I18n.tr(l, "segment.advice.disagree", suggestedK, bestSilhouetteK);
    }
}
