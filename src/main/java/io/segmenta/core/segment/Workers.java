package io.segmenta.core.segment;

import io.segmenta.core.task.CancelledException;
import io.segmenta.core.task.TaskContext;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * A small pool of daemon threads for the row-chunked loops of k-means and the metrics. Work is split
 * into numbered chunks that threads take in turn; callers reduce per-chunk partial results in chunk
 * order, so results do not depend on the number of threads. Close it (try-with-resources): the threads
 * end and none is left running.
 */
public final class Workers implements AutoCloseable {
    /** Rows per chunk: large enough to amortise the hand-off, small enough to balance two to 16 cores. */
    public static final int CHUNK = 4096;

    private static final AtomicInteger POOL_IDS = new AtomicInteger();

    private final int threads;
    private final ExecutorService pool;
    private final TaskContext ctx;

    /** A pool of {@code threads} threads (at least 1; 1 runs everything on the caller's thread). */
    public Workers(int threads, TaskContext ctx) {
        this.threads = Math.max(1, threads);
        this.ctx = ctx == null ? TaskContext.NONE : ctx;
        if (this.threads == 1) {
            pool = null;
        } else {
            int id = POOL_IDS.incrementAndGet();
            AtomicInteger n = new AtomicInteger();
            pool = Executors.newFixedThreadPool(this.threads, r -> {
                Thread t = new Thread(r, "segmenta-kmeans-" + id + "-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
    }

    /** Threads for the machine: all available processors, at least 2. */
    public static int defaultThreads() { return Math.max(2, Runtime.getRuntime().availableProcessors()); }

    public int threads() { return threads; }

    public TaskContext context() { return ctx; }

    /** Number of chunks of {@link #CHUNK} rows covering {@code n} rows. */
    public static int chunks(int n) { return (n + CHUNK - 1) / CHUNK; }

    /**
     * Runs {@code body} for every chunk index {@code 0..chunks-1}, in parallel, and waits.
     *
     * @throws CancelledException when the context is cancelled (remaining chunks are skipped)
     */
    public void forEachChunk(int chunks, IntConsumer body) {
        ctx.checkCancelled();
        if (pool == null || chunks <= 1) {
            for (int c = 0; c < chunks; c++) {
                if ((c & 15) == 15) ctx.checkCancelled();
                body.accept(c);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        int tasks = Math.min(threads, chunks);
        List<Future<?>> futures = new ArrayList<>(tasks);
        for (int t = 0; t < tasks; t++) {
            futures.add(pool.submit(() -> {
                int c;
                while ((c = next.getAndIncrement()) < chunks) {
                    if (ctx.isCancelled()) return;
                    body.accept(c);
                }
            }));
        }
        Throwable failure = null;
        for (Future<?> fu : futures) {
            try {
                fu.get();
            } catch (ExecutionException e) {
                if (failure == null) failure = e.getCause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                next.set(chunks);
                throw new CancelledException();
            }
        }
        if (failure instanceof RuntimeException re) throw re;
        if (failure instanceof Error er) throw er;
        if (failure != null) throw new IllegalStateException(failure);
        ctx.checkCancelled();
    }

    @Override
    public void close() {
        if (pool == null) return;
        pool.shutdownNow();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
