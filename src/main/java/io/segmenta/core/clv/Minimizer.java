package io.segmenta.core.clv;

import io.segmenta.core.task.TaskContext;

import java.util.function.ToDoubleFunction;

/**
 * Unconstrained minimisation for the maximum-likelihood fits (parameters are optimised on the log scale, so
 * the search space is unconstrained): BFGS with central-difference gradients and a backtracking line search,
 * with a Nelder–Mead simplex as a fallback when BFGS stalls, and the numerically differentiated Hessian for
 * standard errors.
 */
public final class Minimizer {
    private Minimizer() { }

    /**
     * @param x          the best point found
     * @param value      the objective there
     * @param gradient   its central-difference gradient there
     * @param iterations BFGS iterations plus Nelder–Mead iterations used
     * @param evaluations objective evaluations
     * @param converged  true when the gradient test was met
     */
    public record Result(double[] x, double value, double[] gradient, int iterations, int evaluations, boolean converged) {
        public double gradientNorm() {
            double m = 0;
            for (double g : gradient) m = Math.max(m, Math.abs(g));
            return m;
        }
    }

    private static final double GRAD_STEP = 1e-5;

    /** Counts evaluations and maps NaN to +∞ so a search never walks into an invalid region. */
    private static final class Counted {
        final ToDoubleFunction<double[]> f;
        final TaskContext ctx;
        int evaluations;

        Counted(ToDoubleFunction<double[]> f, TaskContext ctx) { this.f = f; this.ctx = ctx; }

        double eval(double[] x) {
            if ((evaluations & 15) == 0) ctx.checkCancelled();
            evaluations++;
            for (double v : x) if (!Double.isFinite(v)) return Double.POSITIVE_INFINITY;
            double v = f.applyAsDouble(x);
            return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
        }
    }

    /**
     * Minimises {@code f} from {@code x0}.
     *
     * @param gradTol   BFGS stops when every gradient component is below this
     * @param acceptTol  a run that stalls at the floor of numerical precision counts as converged when every
     *                   gradient component is below this
     * @param maxIter   BFGS iteration limit
     */
    public static Result minimize(ToDoubleFunction<double[]> f, double[] x0, double gradTol, double acceptTol, int maxIter,
                                  TaskContext ctx) {
        Counted c = new Counted(f, ctx == null ? TaskContext.NONE : ctx);
        Result r = bfgs(c, x0.clone(), gradTol, maxIter, 0);
        if (r.converged || accept(r, acceptTol)) return accepted(r, acceptTol);
        // BFGS stalled or ran out: a simplex from its best point, then BFGS again
        double[] nm = nelderMead(c, Double.isFinite(r.value) ? r.x : x0.clone(), 4000);
        Result r2 = bfgs(c, nm, gradTol, maxIter, r.iterations + 4000);
        return accepted(r2.value <= r.value || r2.converged ? r2 : r, acceptTol);
    }

    private static boolean accept(Result r, double acceptTol) {
        return Double.isFinite(r.value) && allFinite(r.gradient) && r.gradientNorm() < acceptTol;
    }

    private static Result accepted(Result r, double acceptTol) {
        return new Result(r.x, r.value, r.gradient, r.iterations, r.evaluations, r.converged || accept(r, acceptTol));
    }

    /** Central-difference gradient. */
    static double[] gradient(Counted c, double[] x) {
        int n = x.length;
        double[] g = new double[n];
        double[] y = x.clone();
        for (int i = 0; i < n; i++) {
            double h = GRAD_STEP * Math.max(1, Math.abs(x[i]));
            y[i] = x[i] + h;
            double fp = c.eval(y);
            y[i] = x[i] - h;
            double fm = c.eval(y);
            y[i] = x[i];
            g[i] = (fp - fm) / (2 * h);
        }
        return g;
    }

    private static Result bfgs(Counted c, double[] x, double gradTol, int maxIter, int iterOffset) {
        int n = x.length;
        double fx = c.eval(x);
        if (!Double.isFinite(fx)) return new Result(x, fx, new double[n], iterOffset, c.evaluations, false);
        double[] g = gradient(c, x);
        double[][] h = identity(n);
        int it = 0;
        int stalls = 0;
        while (it < maxIter) {
            if (maxAbs(g) < gradTol && allFinite(g)) return new Result(x, fx, g, iterOffset + it, c.evaluations, true);
            if (!allFinite(g)) break;
            it++;
            double[] p = new double[n];
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < n; j++) s -= h[i][j] * g[j];
                p[i] = s;
            }
            double slope = dot(p, g);
            if (!(slope < 0)) {
                h = identity(n);
                for (int i = 0; i < n; i++) p[i] = -g[i];
                slope = dot(p, g);
            }
            // keep steps in log space moderate: at most 5 units in any coordinate
            double pmax = maxAbs(p);
            double step = pmax > 5 ? 5 / pmax : 1.0;
            double[] xn = new double[n];
            double fn = Double.POSITIVE_INFINITY;
            boolean accepted = false;
            for (int k = 0; k < 60; k++) {
                for (int i = 0; i < n; i++) xn[i] = x[i] + step * p[i];
                fn = c.eval(xn);
                if (fn <= fx + 1e-4 * step * slope) { accepted = true; break; }
                step *= 0.5;
            }
            if (!accepted) {
                if (isIdentity(h)) break; // even steepest descent makes no progress: numerical floor reached
                h = identity(n);
                continue;
            }
            double[] gn = gradient(c, xn);
            double[] s = new double[n], yv = new double[n];
            for (int i = 0; i < n; i++) { s[i] = xn[i] - x[i]; yv[i] = gn[i] - g[i]; }
            double sy = dot(s, yv);
            double improvement = fx - fn;
            x = xn;
            g = gn;
            fx = fn;
            if (sy > 1e-14) {
                if (it == 1) {
                    // scale the first inverse-Hessian guess (Nocedal & Wright 6.20)
                    double scale = sy / dot(yv, yv);
                    for (int i = 0; i < n; i++) h[i][i] = scale;
                }
                double[] hy = new double[n];
                for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) hy[i] += h[i][j] * yv[j];
                double yhy = dot(yv, hy);
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        h[i][j] += ((sy + yhy) * s[i] * s[j]) / (sy * sy) - (hy[i] * s[j] + s[i] * hy[j]) / sy;
                    }
                }
            }
            if (improvement < 1e-15 * Math.max(1, Math.abs(fx))) {
                if (++stalls >= 3) break;
            } else {
                stalls = 0;
            }
        }
        boolean conv = maxAbs(g) < gradTol && allFinite(g);
        return new Result(x, fx, g, iterOffset + it, c.evaluations, conv);
    }

    private static double[] nelderMead(Counted c, double[] x0, int maxIter) {
        int n = x0.length;
        double[][] s = new double[n + 1][];
        double[] fv = new double[n + 1];
        s[0] = x0.clone();
        fv[0] = c.eval(s[0]);
        for (int i = 0; i < n; i++) {
            s[i + 1] = x0.clone();
            s[i + 1][i] += 0.5;
            fv[i + 1] = c.eval(s[i + 1]);
        }
        for (int it = 0; it < maxIter; it++) {
            // order
            for (int i = 1; i <= n; i++) {
                for (int j = i; j > 0 && fv[j] < fv[j - 1]; j--) {
                    double t = fv[j]; fv[j] = fv[j - 1]; fv[j - 1] = t;
                    double[] ts = s[j]; s[j] = s[j - 1]; s[j - 1] = ts;
                }
            }
            if (Double.isFinite(fv[n]) && Math.abs(fv[n] - fv[0]) <= 1e-13 * (Math.abs(fv[0]) + 1e-300)) {
                double size = 0;
                for (int i = 1; i <= n; i++) for (int j = 0; j < n; j++) size = Math.max(size, Math.abs(s[i][j] - s[0][j]));
                if (size < 1e-7) break;
            }
            double[] cen = new double[n];
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) cen[j] += s[i][j] / n;
            double[] xr = combine(cen, s[n], -1.0);
            double fr = c.eval(xr);
            if (fr < fv[0]) {
                double[] xe = combine(cen, s[n], -2.0);
                double fe = c.eval(xe);
                if (fe < fr) { s[n] = xe; fv[n] = fe; } else { s[n] = xr; fv[n] = fr; }
            } else if (fr < fv[n - 1]) {
                s[n] = xr; fv[n] = fr;
            } else {
                double[] xc = fr < fv[n] ? combine(cen, s[n], -0.5) : combine(cen, s[n], 0.5);
                double fc = c.eval(xc);
                if (fc < Math.min(fr, fv[n])) {
                    s[n] = xc; fv[n] = fc;
                } else {
                    for (int i = 1; i <= n; i++) {
                        for (int j = 0; j < n; j++) s[i][j] = s[0][j] + 0.5 * (s[i][j] - s[0][j]);
                        fv[i] = c.eval(s[i]);
                    }
                }
            }
        }
        int best = 0;
        for (int i = 1; i <= n; i++) if (fv[i] < fv[best]) best = i;
        return s[best];
    }

    /** centre + t · (point − centre). */
    private static double[] combine(double[] centre, double[] point, double t) {
        double[] r = new double[centre.length];
        for (int i = 0; i < r.length; i++) r[i] = centre[i] + t * (point[i] - centre[i]);
        return r;
    }

    /**
     * The Hessian of {@code f} at {@code x} by central differences (step {@code h} in every coordinate).
     */
    public static double[][] hessian(ToDoubleFunction<double[]> f, double[] x, double h) {
        int n = x.length;
        double[][] hs = new double[n][n];
        double f0 = f.applyAsDouble(x);
        double[] y = x.clone();
        for (int i = 0; i < n; i++) {
            y[i] = x[i] + h;
            double fp = f.applyAsDouble(y);
            y[i] = x[i] - h;
            double fm = f.applyAsDouble(y);
            y[i] = x[i];
            hs[i][i] = (fp - 2 * f0 + fm) / (h * h);
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                y[i] = x[i] + h; y[j] = x[j] + h;
                double fpp = f.applyAsDouble(y);
                y[j] = x[j] - h;
                double fpm = f.applyAsDouble(y);
                y[i] = x[i] - h;
                double fmm = f.applyAsDouble(y);
                y[j] = x[j] + h;
                double fmp = f.applyAsDouble(y);
                y[i] = x[i]; y[j] = x[j];
                hs[i][j] = hs[j][i] = (fpp - fpm - fmp + fmm) / (4 * h * h);
            }
        }
        return hs;
    }

    /** The inverse of a symmetric positive-definite matrix by Cholesky, or null when it is not positive definite. */
    public static double[][] invertSpd(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) s -= l[i][k] * l[j][k];
                if (i == j) {
                    if (!(s > 0) || !Double.isFinite(s)) return null;
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        double[][] inv = new double[n][n];
        for (int col = 0; col < n; col++) {
            double[] e = new double[n];
            e[col] = 1;
            double[] yv = new double[n];
            for (int i = 0; i < n; i++) {
                double s = e[i];
                for (int k = 0; k < i; k++) s -= l[i][k] * yv[k];
                yv[i] = s / l[i][i];
            }
            for (int i = n - 1; i >= 0; i--) {
                double s = yv[i];
                for (int k = i + 1; k < n; k++) s -= l[k][i] * inv[k][col];
                inv[i][col] = s / l[i][i];
            }
        }
        return inv;
    }

    private static double[][] identity(int n) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) m[i][i] = 1;
        return m;
    }

    private static boolean isIdentity(double[][] m) {
        for (int i = 0; i < m.length; i++) for (int j = 0; j < m.length; j++) if (m[i][j] != (i == j ? 1 : 0)) return false;
        return true;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) m = Math.max(m, Math.abs(v));
        return m;
    }

    private static boolean allFinite(double[] a) {
        for (double v : a) if (!Double.isFinite(v)) return false;
        return true;
    }
}
