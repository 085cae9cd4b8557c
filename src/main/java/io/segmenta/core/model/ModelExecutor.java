package io.segmenta.core.model;

import io.segmenta.core.task.CancelledException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The worker threads of model training and scoring: the calling thread plus one daemon worker per further
 * core, so an abandoned run never keeps the JVM alive. A job that starts a step of its own runs that step on
 * its own thread.
 */
final class ModelExecutor {
    private ModelExecutor() { }

    private static final int THREADS = Math.max(1, Math.min(16, io.segmenta.core.task.Parallelism.threads()));

    static int threads() { return THREADS; }

    /**
     * Runs the jobs and returns when all have finished; rethrows the first failure. The calling thread takes
     * part with the {@link Team}'s workers, all taking jobs from one counter. Only one step runs on the team at
     * a time: a step started while another runs (or from inside a job) runs on its calling thread alone.
     */
    static void runAll(List<Runnable> jobs) {
        int n = jobs.size();
        if (n == 0) return;
        if (n == 1 || THREADS == 1 || !TEAM.busy.compareAndSet(false, true)) {
            for (Runnable r : jobs) r.run();
            return;
        }
        try {
            TEAM.run(jobs);
        } finally {
            TEAM.busy.set(false);
        }
    }

    private static final Team TEAM = new Team();

    /**
     * {@code THREADS − 1} daemon workers for the short, frequent steps of tree growing (a histogram, a
     * partition, a gradient pass: tens of microseconds to milliseconds, a dozen per tree). Waking a parked
     * thread costs tens of microseconds on virtual machines, as much as a small step itself, so a worker
     * spins for about {@value #SPIN_NANOS} ns after its last job before it parks — what OpenMP runtimes
     * (XGBoost's) do. The caller spins the same way for the workers' last jobs.
     */
    private static final class Team {
        /** How long an idle worker spins for the next step before it parks. */
        static final long SPIN_NANOS = 200_000;

        /** One step: its jobs, the next job to take, the jobs finished, the first failure. */
        private static final class Step {
            final List<Runnable> jobs;
            final AtomicInteger next = new AtomicInteger();
            final AtomicInteger done = new AtomicInteger();
            volatile Throwable failure;

            Step(List<Runnable> jobs) { this.jobs = jobs; }

            void drain() {
                int n = jobs.size();
                for (int i; (i = next.getAndIncrement()) < n; ) {
                    try {
                        if (failure == null) jobs.get(i).run();
                    } catch (Throwable t) {
                        synchronized (this) {
                            if (failure == null || failure instanceof CancelledException) failure = t;
                        }
                    } finally {
                        done.incrementAndGet();
                    }
                }
            }
        }

        final java.util.concurrent.atomic.AtomicBoolean busy = new java.util.concurrent.atomic.AtomicBoolean();
        private final Object sleep = new Object();
        private volatile Step current;
        private long published;
        private volatile long epoch;
        private boolean started;

        void run(List<Runnable> jobs) {
            if (!started) start();
            Step s = new Step(jobs);
            current = s;
            synchronized (sleep) {
                epoch = ++published;
                sleep.notifyAll();
            }
            s.drain();
            int n = jobs.size();
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            while (s.done.get() < n) {
                if (System.nanoTime() < spinUntil) Thread.onSpinWait();
                else java.util.concurrent.locks.LockSupport.parkNanos(20_000);
            }
            Throwable f = s.failure;
            if (f instanceof RuntimeException re) throw re;
            if (f instanceof Error e) throw e;
            if (f != null) throw new IllegalStateException(f);
        }

        private void start() {
            started = true;
            for (int t = 1; t < THREADS; t++) {
                Thread w = new Thread(this::work, "segmenta-model-team-" + t);
                w.setDaemon(true);
                w.start();
            }
        }

        private void work() {
            long seen = 0;
            while (true) {
                long spinUntil = System.nanoTime() + SPIN_NANOS;
                long e;
                while ((e = epoch) == seen) {
                    if (System.nanoTime() < spinUntil) {
                        Thread.onSpinWait();
                        continue;
                    }
                    synchronized (sleep) {
                        while (epoch == seen) {
                            try {
                                sleep.wait();
                            } catch (InterruptedException ignored) {
                                // a daemon worker lives as long as the JVM
                            }
                        }
                    }
                }
                seen = e;
                Step s = current;
                if (s != null) s.drain();
            }
        }
    }

    /** Runs the jobs as one {@link #runAll} step and returns their results in order; rethrows the first failure. */
    static <T> List<T> invokeAll(List<? extends Callable<T>> jobs) {
        List<T> out = new ArrayList<>(java.util.Collections.nCopies(jobs.size(), null));
        List<Runnable> steps = new ArrayList<>(jobs.size());
        for (int i = 0; i < jobs.size(); i++) {
            int k = i;
            steps.add(() -> {
                try {
                    out.set(k, jobs.get(k).call());
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        runAll(steps);
        return out;
    }
}
