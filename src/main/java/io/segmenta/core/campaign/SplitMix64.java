package io.segmenta.core.campaign;

/** A small deterministic random source (SplitMix64): the same seed gives the same numbers everywhere. */
final class SplitMix64 {
    private long state;

    SplitMix64(long seed) { this.state = seed; }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    long nextLong() { return mix(state += 0x9E3779B97F4A7C15L); }

    /** Uniform in [0, bound), without modulo bias. */
    int nextInt(int bound) {
        if (bound <= 0) throw new IllegalArgumentException("bound " + bound);
        long limit = Long.MAX_VALUE - (Long.MAX_VALUE % bound);
        while (true) {
            long r = nextLong() >>> 1;
            if (r < limit) return (int) (r % bound);
        }
    }
}
