package io.segmenta.core.clv;

/**
 * Options of a maximum-likelihood fit.
 *
 * @param penalty        L2 penalty coefficient λ: the objective is −LL/n + λ Σ θ² over the natural-scale
 *                       parameters (as lifetimes' penalizer); 0 = plain maximum likelihood
 * @param maxIterations  optimiser iteration limit
 * @param start          starting values (natural scale), or null for data-driven defaults
 */
public record FitOptions(double penalty, int maxIterations, double[] start) {
    public FitOptions {
        if (!(penalty >= 0) || !Double.isFinite(penalty)) throw new IllegalArgumentException("penalty must be >= 0");
        if (maxIterations < 1) throw new IllegalArgumentException("maxIterations must be >= 1");
        start = start == null ? null : start.clone();
    }

    public static FitOptions defaults() { return new FitOptions(0, 300, null); }

    public FitOptions withPenalty(double p) { return new FitOptions(p, maxIterations, start); }

    public FitOptions withMaxIterations(int m) { return new FitOptions(penalty, m, start); }

    public FitOptions withStart(double[] s) { return new FitOptions(penalty, maxIterations, s); }
}
