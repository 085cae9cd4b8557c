package io.segmenta.core.clv;

import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.I18n;
import io.segmenta.core.util.UserException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Maximum-likelihood fitting of the frequency models and Gamma-Gamma: the mean negative log-likelihood (plus
 * the optional L2 penalty) is minimised over log-parameters by BFGS (Nelder–Mead fallback); standard errors
 * come from the inverse of the numerically differentiated Hessian, mapped to the natural scale by the delta
 * method (se(θ) = θ · se(log θ)).
 */
public final class ClvFitter {
    private ClvFitter() { }

    /**
     * |log θ| beyond this (θ outside about 6e-6 … 1.6e5, in per-day or per-week units) means the parameter is
     * running off to 0 or ∞: the likelihood is flat in that direction and the data cannot pin the model down.
     */
    static final double LOG_BOUND = 12;
    /** Gradient target for BFGS and the acceptance threshold for "converged" (mean LL, log-parameters). */
    static final double GRAD_TARGET = 1e-9, GRAD_ACCEPT = 1e-5;
    /** A standard error this many times its estimate means the data hardly determine the parameter. */
    static final double MAX_RELATIVE_SE = 100;
    /** |corr(frequency, monetary)| above this warns that Gamma-Gamma's independence assumption is doubtful. */
    public static final double GG_CORRELATION_WARNING = 0.3;

    /** Fits a frequency model to the summary. */
    public static ModelFit fit(FrequencyModel model, TransactionSummary s, FitOptions options, TaskContext ctx) {
        TaskContext c = ctx == null ? TaskContext.NONE : ctx;
        FitOptions o = options == null ? FitOptions.defaults() : options;
        String label = I18n.tr(model.labelKey());
        if (s.size() == 0) throw new UserException("clv.fit.noCustomers");
        // the models describe how purchase and dropout rates vary between customers: one customer cannot show that
        if (s.size() == 1) throw new UserException("clv.fit.oneCustomer", label);
        if (s.repeatCustomers() == 0) throw new UserException("clv.fit.noRepeat", label);
        FitData d = FitData.of(s);
        double w = d.totalWeight;
        double rate = Math.max(d.meanX, 0.05) / Math.max(d.meanT, 1e-6);
        double[] start = o.start() != null ? o.start() : switch (model) {
            case BGNBD, MBGNBD -> new double[]{1, 1 / rate, 1, 2};
            case PARETONBD -> new double[]{1, 1 / rate, 1, Math.max(d.meanT, 1e-3)};
        };
        if (start.length != 4) throw new IllegalArgumentException("start needs 4 values");
        double lambda = o.penalty();
        ToDoubleFunction<double[]> f = th -> {
            double[] p = exp(th);
            double pen = 0;
            for (double v : p) pen += v * v;
            return -BtydModels.logLikelihood(model, p, d) / w + lambda * pen;
        };
        c.progress(0, 1, label);
        Minimizer.Result r = Minimizer.minimize(f, log(start), GRAD_TARGET, GRAD_ACCEPT, o.maxIterations(), c);
        double[] p = exp(r.x());
        double ll = BtydModels.logLikelihood(model, p, d);
        c.progress(1, 1, label);
        return finish(model.key(), label, model.parameterNames(), r, p, ll, f, w, (int) Math.round(w), lambda);
    }

    /** Fits Gamma-Gamma to the customers with a repeat purchase and a positive mean spend. */
    public static ModelFit fitGammaGamma(TransactionSummary s, FitOptions options, TaskContext ctx) {
        TaskContext c = ctx == null ? TaskContext.NONE : ctx;
        FitOptions o = options == null ? FitOptions.defaults() : options;
        String label = I18n.tr("clv.model.gammagamma");
        int count = 0;
        for (int i = 0; i < s.size(); i++) if (s.frequency(i) > 0 && s.monetary(i) > 0) count++;
        final int n = count;
        if (n == 0) throw new UserException("clv.gg.noRepeat");
        int[] x = new int[n];
        double[] m = new double[n], lnM = new double[n];
        int maxX = 0, j = 0;
        double mean = 0;
        for (int i = 0; i < s.size(); i++) {
            if (!(s.frequency(i) > 0 && s.monetary(i) > 0)) continue;
            x[j] = s.frequency(i);
            m[j] = s.monetary(i);
            lnM[j] = Math.log(m[j]);
            maxX = Math.max(maxX, x[j]);
            mean += m[j];
            j++;
        }
        mean /= n;
        final int mx = maxX;
        double lambda = o.penalty();
        double[] start = o.start() != null ? o.start() : new double[]{2, 3, mean};
        ToDoubleFunction<double[]> f = th -> {
            double[] p = exp(th);
            double pen = 0;
            for (double v : p) pen += v * v;
            return -BtydModels.gammaGammaLogLikelihood(p, x, lnM, m, mx) / n + lambda * pen;
        };
        c.progress(0, 1, label);
        Minimizer.Result r = Minimizer.minimize(f, log(start), GRAD_TARGET, GRAD_ACCEPT, o.maxIterations(), c);
        double[] p = exp(r.x());
        double ll = BtydModels.gammaGammaLogLikelihood(p, x, lnM, m, mx);
        c.progress(1, 1, label);
        ModelFit fit = finish("gammagamma", label, List.of("p", "q", "gamma"), r, p, ll, f, n, n, lambda);
        if (fit.converged() && p[1] <= 1) {
            return new ModelFit(fit.model(), fit.names(), fit.values(), fit.standardErrors(), fit.logLikelihood(),
                    fit.customers(), fit.penalty(), false, fit.iterations(), fit.gradientNorm(), "clv.gg.qBelowOne",
                    List.of(fmt(p[1])));
        }
        return fit;
    }

    private static ModelFit finish(String key, String label, List<String> names, Minimizer.Result r, double[] p, double ll,
                                   ToDoubleFunction<double[]> f, double weight, int customers, double lambda) {
        boolean finite = Double.isFinite(ll);
        for (double v : p) finite &= Double.isFinite(v) && v > 0;
        if (!finite) throw new UserException("clv.fit.failed", label);
        int k = p.length;
        double[] se = new double[k];
        java.util.Arrays.fill(se, Double.NaN);
        double[][] h = Minimizer.hessian(f, r.x(), 1e-4);
        for (double[] row : h) for (int i = 0; i < k; i++) row[i] *= weight;
        double[][] cov = Minimizer.invertSpd(h);
        if (cov != null) {
            for (int i = 0; i < k; i++) se[i] = cov[i][i] >= 0 ? p[i] * Math.sqrt(cov[i][i]) : Double.NaN;
        }
        String msg = null;
        List<Object> args = new ArrayList<>();
        int boundary = -1;
        for (int i = 0; i < k; i++) if (Math.abs(r.x()[i]) > LOG_BOUND) boundary = i;
        if (boundary >= 0) {
            msg = "clv.fit.boundary";
            args = List.of(label, names.get(boundary), fmt(p[boundary]));
        } else if (!r.converged()) {
            msg = "clv.fit.notConverged";
            args = List.of(label, r.iterations(), fmt(r.gradientNorm()));
        } else if (cov == null) {
            msg = "clv.fit.noStandardErrors";
            args = List.of(label);
        } else {
            for (int i = 0; i < k; i++) {
                if (!(se[i] <= MAX_RELATIVE_SE * p[i])) {
                    msg = "clv.fit.weaklyIdentified";
                    args = List.of(label, names.get(i), fmt(p[i]), fmt(se[i]));
                    break;
                }
            }
        }
        boolean converged = msg == null;
        if (!converged && cov == null) java.util.Arrays.fill(se, Double.NaN);
        return new ModelFit(key, names, p, se, ll, customers, lambda, converged, r.iterations(), r.gradientNorm(), msg, args);
    }

    /** Pearson correlation of frequency and monetary value over the repeat customers (NaN when undefined). */
    public static double frequencyMonetaryCorrelation(TransactionSummary s) {
        double n = 0, sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        for (int i = 0; i < s.size(); i++) {
            if (s.frequency(i) <= 0 || !(s.monetary(i) > 0)) continue;
            double x = s.frequency(i), y = s.monetary(i);
            n++;
            sx += x; sy += y; sxx += x * x; syy += y * y; sxy += x * y;
        }
        if (n < 3) return Double.NaN;
        double cxx = sxx - sx * sx / n, cyy = syy - sy * sy / n, cxy = sxy - sx * sy / n;
        if (cxx <= 0 || cyy <= 0) return Double.NaN;
        return cxy / Math.sqrt(cxx * cyy);
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, Math.abs(v) >= 1e-3 && Math.abs(v) < 1e6 ? "%.4g" : "%.3e", v);
    }

    private static double[] exp(double[] th) {
        double[] p = new double[th.length];
        for (int i = 0; i < th.length; i++) p[i] = Math.exp(th[i]);
        return p;
    }

    private static double[] log(double[] p) {
        double[] th = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            if (!(p[i] > 0)) throw new IllegalArgumentException("start values must be positive");
            th[i] = Math.log(p[i]);
        }
        return th;
    }
}
