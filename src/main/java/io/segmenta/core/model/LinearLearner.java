package io.segmenta.core.model;

import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.UserException;

import java.util.List;

/**
 * Logistic regression (Newton's method) and ridge regression (normal equations) on standardised numeric
 * features and one-hot coded categories. The objective matches scikit-learn's so results can be checked
 * against it: logistic Σ wᵢ·logloss + λ/2·‖β‖² (λ = 1/C), ridge Σ wᵢ·(yᵢ − ŷᵢ)² + λ·‖β‖²; the intercept
 * is not penalised.
 */
final class LinearLearner {
    private LinearLearner() { }

    /**
     * The design matrix, sparse: {@code k} slots per row (one per feature, two for a number with a missing
     * indicator), each a column index and a value, so that one-hot categories cost one slot instead of a column
     * each (26 categorical features of 62 levels: 27 slots a row instead of 1,600 doubles); {@code q} columns in
     * all, plus the map from columns back to features.
     */
    private record Design(int[] idx, double[] val, int n, int k, int q, int[] colFeature, int[] colCode) { }

    private static Design design(FeatureFrame frame) {
        List<FeatureSpec> specs = frame.specs();
        int q = 0, k = 0;
        for (FeatureSpec s : specs) {
            q += s.width();
            k += s.missingIndicator() ? 2 : 1;
        }
        int[] cf = new int[q], cc = new int[q];
        int[] start = new int[specs.size()];
        int j = 0;
        for (int f = 0; f < specs.size(); f++) {
            start[f] = j;
            for (int c = 0; c < specs.get(f).width(); c++) { cf[j] = f; cc[j] = c; j++; }
        }
        int n = frame.rows();
        if ((long) n * k > Integer.MAX_VALUE - 8) throw new UserException("model.train.tooLarge", n, k);
        int[] idx = new int[n * k];
        double[] val = new double[n * k];
        int slot = 0;
        for (int f = 0; f < specs.size(); f++) {
            FeatureSpec s = specs.get(f);
            double[] col = frame.columns()[f];
            if (s.kind() == FeatureSpec.Kind.CATEGORICAL) {
                int last = s.width() - 1;
                for (int i = 0; i < n; i++) {
                    int code = (int) col[i];
                    idx[i * k + slot] = start[f] + (code >= 0 && code <= last ? code : last);
                    val[i * k + slot] = 1;
                }
                slot++;
            } else {
                for (int i = 0; i < n; i++) {
                    idx[i * k + slot] = start[f];
                    val[i * k + slot] = s.input(col[i]);
                }
                slot++;
                if (s.missingIndicator()) {
                    for (int i = 0; i < n; i++) {
                        idx[i * k + slot] = start[f] + 1;
                        val[i * k + slot] = s.isMissing(col[i]) ? 1 : 0;
                    }
                    slot++;
                }
            }
        }
        return new Design(idx, val, n, k, q, cf, cc);
    }

    /** The linear predictor of row {@code i}: intercept plus the row's slots. */
    private static double eta(Design d, double[] beta, int i) {
        int o = i * d.k();
        double eta = beta[d.q()];
        int[] idx = d.idx();
        double[] val = d.val();
        for (int s = 0; s < d.k(); s++) eta += val[o + s] * beta[idx[o + s]];
        return eta;
    }

    /**
     * Adds weight {@code w} × (row i with a 1 for the intercept)ᵀ(row i …) to the lower triangle of the m × m
     * matrix {@code a} (m = q + 1, the intercept last) and {@code r} × the row to {@code b}.
     */
    private static void accumulate(Design d, int i, double w, double r, double[] a, double[] b) {
        int q = d.q(), m = q + 1, o = i * d.k();
        int[] idx = d.idx();
        double[] val = d.val();
        b[q] += r;
        a[q * m + q] += w;
        for (int s = 0; s < d.k(); s++) {
            double vs = val[o + s];
            if (vs == 0) continue;
            int cs = idx[o + s];
            b[cs] += r * vs;
            double wv = w * vs;
            a[q * m + cs] += wv; // the intercept's row: q > every column
            for (int t = 0; t <= s; t++) {
                double vt = val[o + t];
                if (vt == 0) continue;
                int ct = idx[o + t];
                if (cs >= ct) a[cs * m + ct] += wv * vt; else a[ct * m + cs] += wv * vt;
            }
        }
    }

    private static LinearPredictor predictor(Task task, Design d, double[] beta, int features, List<FeatureSpec> specs) {
        double[][] w = new double[features][];
        for (int f = 0; f < features; f++) w[f] = new double[specs.get(f).width()];
        for (int j = 0; j < d.q(); j++) w[d.colFeature()[j]][d.colCode()[j]] = beta[j];
        return new LinearPredictor(task, beta[d.q()], w);
    }

    static LinearPredictor logistic(FeatureFrame train, double[] y, double[] sw, FeatureFrame val, HyperParameters hp,
                                    TaskContext ctx, HistoryRecorder rec) {
        Design d = design(train);
        int n = d.n(), q = d.q(), m = q + 1;
        double lambda = hp.l2();
        double[] beta = new double[m];
        double pos = 0, tot = 0;
        for (int i = 0; i < n; i++) { pos += sw[i] * y[i]; tot += sw[i]; }
        double p0 = Math.min(1 - 1e-6, Math.max(1e-6, pos / tot));
        beta[q] = Math.log(p0 / (1 - p0));
        double obj = objective(d, y, sw, beta, lambda);
        int maxIter = hp.maxIterations();
        for (int it = 0; it < maxIter; it++) {
            ctx.checkCancelled();
            double[] grad = new double[m];
            double[] hess = new double[m * m];
            for (int i = 0; i < n; i++) {
                double pr = LinearPredictor.sigmoid(eta(d, beta, i));
                accumulate(d, i, sw[i] * pr * (1 - pr), sw[i] * (pr - y[i]), hess, grad);
            }
            for (int a = 0; a < q; a++) { grad[a] += lambda * beta[a]; hess[a * m + a] += lambda; }
            for (int a = 0; a < m; a++) for (int b = 0; b < a; b++) hess[b * m + a] = hess[a * m + b];
            double[] step = solve(hess, grad, m);
            double t = 1;
            double[] next = new double[m];
            double newObj;
            while (true) {
                for (int a = 0; a < m; a++) next[a] = beta[a] - t * step[a];
                newObj = objective(d, y, sw, next, lambda);
                if (newObj <= obj + 1e-12 * Math.abs(obj) || t < 1e-8) break;
                t /= 2;
            }
            double change = 0;
            for (int a = 0; a < m; a++) change = Math.max(change, Math.abs(next[a] - beta[a]));
            System.arraycopy(next, 0, beta, 0, m);
            double prev = obj;
            obj = newObj;
            LinearPredictor lp = predictor(Task.CLASSIFICATION, d, beta, train.width(), train.specs());
            rec.record(it + 1, lp.predict(train), val == null ? null : lp.predict(val), 1.0, false);
            if (change < 1e-9 || Math.abs(prev - obj) <= 1e-12 * Math.max(1, Math.abs(obj))) break;
        }
        return predictor(Task.CLASSIFICATION, d, beta, train.width(), train.specs());
    }

    private static double objective(Design d, double[] y, double[] sw, double[] beta, double lambda) {
        double s = 0;
        for (int i = 0; i < d.n(); i++) {
            double eta = eta(d, beta, i);
            // log(1 + e^eta) − y·eta, computed stably
            double l = eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
            s += sw[i] * (l - y[i] * eta);
        }
        double r = 0;
        for (int j = 0; j < d.q(); j++) r += beta[j] * beta[j];
        return s + lambda / 2 * r;
    }

    static LinearPredictor ridge(FeatureFrame train, double[] y, double[] sw, FeatureFrame val, HyperParameters hp,
                                 TaskContext ctx, HistoryRecorder rec) {
        ctx.checkCancelled();
        Design d = design(train);
        int n = d.n(), q = d.q(), m = q + 1;
        double[] a = new double[m * m];
        double[] b = new double[m];
        for (int i = 0; i < n; i++) accumulate(d, i, sw[i], sw[i] * y[i], a, b);
        for (int r = 0; r < m; r++) for (int c = 0; c < r; c++) a[c * m + r] = a[r * m + c];
        for (int j = 0; j < q; j++) a[j * m + j] += hp.l2();
        double[] beta = solve(a, b, m);
        LinearPredictor lp = predictor(Task.REGRESSION, d, beta, train.width(), train.specs());
        rec.record(1, lp.predict(train), val == null ? null : lp.predict(val), 1.0, false);
        return lp;
    }

    /**
     * Solves the symmetric positive (semi-)definite system A·x = b by Cholesky, adding a small ridge to the
     * diagonal when A is singular (collinear one-hot columns without a penalty).
     */
    static double[] solve(double[] a, double[] b, int m) {
        double maxDiag = 0;
        for (int i = 0; i < m; i++) maxDiag = Math.max(maxDiag, Math.abs(a[i * m + i]));
        double jitter = 0;
        for (int attempt = 0; attempt < 12; attempt++) {
            double[] l = cholesky(a, m, jitter);
            if (l != null) {
                double[] z = new double[m];
                for (int i = 0; i < m; i++) {
                    double s = b[i];
                    for (int k = 0; k < i; k++) s -= l[i * m + k] * z[k];
                    z[i] = s / l[i * m + i];
                }
                double[] out = new double[m];
                for (int i = m - 1; i >= 0; i--) {
                    double s = z[i];
                    for (int k = i + 1; k < m; k++) s -= l[k * m + i] * out[k];
                    out[i] = s / l[i * m + i];
                }
                return out;
            }
            jitter = jitter == 0 ? Math.max(1e-10, 1e-10 * maxDiag) : jitter * 10;
        }
        throw new UserException("model.train.singular");
    }

    private static double[] cholesky(double[] a, int m, double jitter) {
        double[] l = new double[m * m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i * m + j] + (i == j ? jitter : 0);
                for (int k = 0; k < j; k++) s -= l[i * m + k] * l[j * m + k];
                if (i == j) {
                    if (!(s > 1e-300)) return null;
                    l[i * m + i] = Math.sqrt(s);
                } else {
                    l[i * m + j] = s / l[j * m + j];
                }
            }
        }
        return l;
    }
}
