package io.segmenta.core.eda;

import io.segmenta.core.task.CancelledException;
import io.segmenta.core.task.TaskContext;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small shared pool of daemon threads (at most {@link #THREADS}) for the per-column work of Explore.
 * The caller's thread waits, reports progress and relays cancellation; worker results come back in order.
 */
final class EdaExecutor {
    /** Worker threads: the available processors, at most 4 (the work is memory-bound beyond that). */
    static final int THREADS = Math.max(1, Math.min(4, io.segmenta.core.task.Parallelism.threads()));

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final ExecutorService POOL = Executors.newFixedThreadPool(THREADS, r -> {
        Thread t = new Thread(r, "segmenta-eda-" + COUNTER.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
    private EdaExecutor() { }

    /** Runs the jobs (in parallel when there are several) and returns their results in the jobs' order. */
    static <T> List<T> invokeAll(List<Callable<T>> jobs, TaskContext ctx, String message) {
        int total = jobs.size();
        List<T> out = new ArrayList<>(total);
        if (total <= 1 || THREADS == 1) {
            for (int i = 0; i < total; i++) {
                ctx.checkCancelled();
                out.add(call(jobs.get(i)));
                ctx.progress(i + 1, total, message);
            }
            return out;
        }
        List<Future<T>> futures = new ArrayList<>(total);
        for (Callable<T> j : jobs) futures.add(POOL.submit(j));
        try {
            for (int i = 0; i < total; i++) {
                Future<T> f = futures.get(i);
                while (true) {
                    if (ctx.isCancelled()) throw new CancelledException();
                    try {
                        out.add(f.get(50, TimeUnit.MILLISECONDS));
                        break;
                    } catch (TimeoutException e) {
                        // poll cancellation again
                    }
                }
                ctx.progress(i + 1, total, message);
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) throw re;
            if (c instanceof Error err) throw err;
            throw new IllegalStateException(c);
        } finally {
            for (Future<T> f : futures) f.cancel(true);
        }
    }

    private static <T> T call(Callable<T> c) {
        try {
            return c.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
