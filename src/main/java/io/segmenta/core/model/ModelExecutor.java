package io.segmenta.core.model;

import io.segmenta.core.task.CancelledException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The worker threads of model training and scoring: one daemon thread per core, so an abandoned run never
 * keeps the JVM alive (unlike Smile's own controller pool). Jobs submitted here must not submit more jobs
 * and wait for them.
 */
final class ModelExecutor {
    private ModelExecutor() { }

    private static final int THREADS = Math.max(1, Math.min(16, io.segmenta.core.task.Parallelism.threads()));
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final ExecutorService POOL = Executors.newFixedThreadPool(THREADS, r -> {
        Thread t = new Thread(r, "segmenta-model-" + COUNT.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    static int threads() { return THREADS; }

    static void runAll(List<Runnable> jobs) {
        List<Callable<Void>> c = new ArrayList<>(jobs.size());
        for (Runnable r : jobs) c.add(() -> { r.run(); return null; });
        invokeAll(c);
    }

    /** Runs the jobs on the pool and returns their results in order; rethrows the first failure. */
    static <T> List<T> invokeAll(List<? extends Callable<T>> jobs) {
        if (jobs.size() == 1) {
            try {
                return List.of(jobs.get(0).call());
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        List<Future<T>> futures = new ArrayList<>(jobs.size());
        for (Callable<T> j : jobs) futures.add(POOL.submit(j));
        List<T> out = new ArrayList<>(jobs.size());
        RuntimeException failure = null;
        for (Future<T> f : futures) {
            try {
                out.add(f.get());
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (failure == null || failure instanceof CancelledException) {
                    failure = c instanceof RuntimeException re ? re : new IllegalStateException(c);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                futures.forEach(x -> x.cancel(true));
                throw new CancelledException();
            }
        }
        if (failure != null) throw failure;
        return out;
    }
}
