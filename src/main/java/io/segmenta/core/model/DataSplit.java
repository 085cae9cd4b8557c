package io.segmenta.core.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A stratified train / validation / test split of the rows whose target is known. Strata are the classes
 * for classification and the deciles of the target for regression, so every part has the same mix. The
 * same options, data and seed always give the same split, so every model of a dataset is tested on the
 * same rows.
 *
 * @param train      rows the model learns from, ascending
 * @param validation rows for the live validation curve and early stopping, ascending (may be empty)
 * @param test       held-out rows every figure of the evaluation comes from, ascending
 * @param dropped    rows left out because their target is missing
 */
public record DataSplit(int[] train, int[] validation, int[] test, int dropped) {

    /** Splits the rows with a known {@code y}. */
    public static DataSplit stratified(double[] y, boolean classification, double testSize, double validationSize, long seed) {
        List<int[]> strata = strata(y, classification, allKnown(y));
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] tr = new int[y.length], va = new int[y.length], te = new int[y.length];
        int ntr = 0, nva = 0, nte = 0, known = 0;
        for (int[] s : strata) {
            shuffle(s, rnd);
            known += s.length;
            int nt = (int) Math.round(testSize * s.length);
            int nv = (int) Math.round(validationSize * (s.length - nt));
            for (int i = 0; i < s.length; i++) {
                if (i < nt) te[nte++] = s[i];
                else if (i < nt + nv) va[nva++] = s[i];
                else tr[ntr++] = s[i];
            }
        }
        int[] a = Arrays.copyOf(tr, ntr), b = Arrays.copyOf(va, nva), c = Arrays.copyOf(te, nte);
        Arrays.sort(a);
        Arrays.sort(b);
        Arrays.sort(c);
        return new DataSplit(a, b, c, y.length - known);
    }

    /** Train and validation rows together (what cross-validation folds). */
    public int[] nonTest() {
        int[] r = new int[train.length + validation.length];
        System.arraycopy(train, 0, r, 0, train.length);
        System.arraycopy(validation, 0, r, train.length, validation.length);
        Arrays.sort(r);
        return r;
    }

    /** Stratified k folds of {@code rows}: element f holds the rows of fold f, ascending. */
    public static int[][] folds(int[] rows, double[] y, boolean classification, int k, long seed) {
        List<int[]> strata = strata(y, classification, rows);
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
        List<List<Integer>> f = new ArrayList<>();
        for (int i = 0; i < k; i++) f.add(new ArrayList<>());
        int next = 0;
        for (int[] s : strata) {
            shuffle(s, rnd);
            for (int r : s) f.get(next++ % k).add(r);
        }
        int[][] out = new int[k][];
        for (int i = 0; i < k; i++) {
            out[i] = f.get(i).stream().mapToInt(Integer::intValue).sorted().toArray();
        }
        return out;
    }

    /** {@code all} without the rows of {@code remove} (both ascending). */
    public static int[] minus(int[] all, int[] remove) {
        int[] out = new int[all.length];
        int n = 0, j = 0;
        for (int r : all) {
            while (j < remove.length && remove[j] < r) j++;
            if (j < remove.length && remove[j] == r) continue;
            out[n++] = r;
        }
        return Arrays.copyOf(out, n);
    }

    private static int[] allKnown(double[] y) {
        int[] r = new int[y.length];
        int n = 0;
        for (int i = 0; i < y.length; i++) if (!Double.isNaN(y[i])) r[n++] = i;
        return Arrays.copyOf(r, n);
    }

    private static List<int[]> strata(double[] y, boolean classification, int[] rows) {
        List<int[]> out = new ArrayList<>();
        if (classification) {
            int[] pos = new int[rows.length], neg = new int[rows.length];
            int np = 0, nn = 0;
            for (int r : rows) {
                if (Double.isNaN(y[r])) continue;
                if (y[r] == 1) pos[np++] = r; else neg[nn++] = r;
            }
            out.add(Arrays.copyOf(neg, nn));
            out.add(Arrays.copyOf(pos, np));
            return out;
        }
        Integer[] order = Arrays.stream(rows).filter(r -> !Double.isNaN(y[r])).boxed().toArray(Integer[]::new);
        Arrays.sort(order, (a, b) -> {
            int c = Double.compare(y[a], y[b]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        int n = order.length;
        int groups = Math.max(1, Math.min(10, n / 10));
        for (int g = 0; g < groups; g++) {
            int from = (int) ((long) n * g / groups), to = (int) ((long) n * (g + 1) / groups);
            int[] s = new int[to - from];
            for (int i = from; i < to; i++) s[i - from] = order[i];
            out.add(s);
        }
        return out;
    }

    private static void shuffle(int[] a, SplittableRandom rnd) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
