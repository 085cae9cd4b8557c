package io.segmenta.core.sample;

/**
 * A small deterministic random source (SplitMix64) with the distributions the generator needs. It uses
 * {@link StrictMath} so the same seed gives the same numbers on every platform and Java version.
 */
final class Rng {
    private long state;

    Rng(long seed) { this.state = seed; }

    /** An independent stream for item {@code index} of a run seeded with {@code seed}. */
    static Rng forItem(long seed, long stream, long index) {
        Rng r = new Rng(seed ^ (stream * 0xD1B54A32D192ED03L));
        r.state += index * 0x9E3779B97F4A7C15L;
        r.nextLong();
        return new Rng(r.nextLong());
    }

    long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1). */
    double uniform() { return (nextLong() >>> 11) * 0x1.0p-53; }

    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }

    /** Uniform integer in [lo, hi]. */
    int between(int lo, int hi) { return lo + (int) (uniform() * (hi - lo + 1)); }

    boolean chance(double p) { return uniform() < p; }

    /** Standard normal (Box–Muller, one value per call). */
    double gaussian() {
        double u1 = 1.0 - uniform();
        double u2 = uniform();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
    }

    double normal(double mean, double sd) { return mean + sd * gaussian(); }

    /** Log-normal with the given median and log-scale spread. */
    double logNormal(double median, double sigma) { return median * StrictMath.exp(sigma * gaussian()); }

    /** Log-normal multiplier with mean 1. */
    double meanOneLogNormal(double sigma) { return StrictMath.exp(sigma * gaussian() - sigma * sigma / 2.0); }

    /** Poisson count (Knuth's method for small means, a rounded normal above 50). */
    int poisson(double lambda) {
        if (lambda <= 0) return 0;
        if (lambda > 50) return Math.max(0, (int) StrictMath.round(normal(lambda, StrictMath.sqrt(lambda))));
        double l = StrictMath.exp(-lambda);
        int k = 0;
        double p = 1.0;
        do {
            k++;
            p *= uniform();
        } while (p > l);
        return k - 1;
    }

    /** Index drawn with probabilities proportional to {@code weights}. */
    int pick(double[] weights) {
        double total = 0;
        for (double w : weights) total += w;
        double u = uniform() * total;
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) return i;
        }
        return weights.length - 1;
    }
}
