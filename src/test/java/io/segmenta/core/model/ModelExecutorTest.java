package io.segmenta.core.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The workers' short steps: every job runs once, failures come back, nested and concurrent steps are safe. */
class ModelExecutorTest {

    private static List<Runnable> counting(AtomicIntegerArray runs) {
        List<Runnable> jobs = new ArrayList<>();
        for (int i = 0; i < runs.length(); i++) {
            int k = i;
            jobs.add(() -> runs.incrementAndGet(k));
        }
        return jobs;
    }

    @Test
    void everyJobRunsExactlyOnceOverManySteps() {
        for (int step = 0; step < 2_000; step++) {
            AtomicIntegerArray runs = new AtomicIntegerArray(1 + step % 37);
            ModelExecutor.runAll(counting(runs));
            for (int i = 0; i < runs.length(); i++) assertThat(runs.get(i)).as("step %d job %d", step, i).isEqualTo(1);
        }
    }

    @Test
    void aFailingJobIsRethrownAndTheNextStepStillWorks() {
        List<Runnable> jobs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int k = i;
            jobs.add(() -> { if (k == 5) throw new IllegalArgumentException("job 5"); });
        }
        assertThatThrownBy(() -> ModelExecutor.runAll(jobs)).isInstanceOf(IllegalArgumentException.class).hasMessage("job 5");
        AtomicIntegerArray runs = new AtomicIntegerArray(8);
        ModelExecutor.runAll(counting(runs));
        for (int i = 0; i < 8; i++) assertThat(runs.get(i)).isEqualTo(1);
    }

    @Test
    void aStepStartedInsideAJobRunsOnItsOwnThread() {
        AtomicIntegerArray inner = new AtomicIntegerArray(16);
        AtomicIntegerArray outer = new AtomicIntegerArray(4);
        List<Runnable> jobs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int k = i;
            jobs.add(() -> {
                outer.incrementAndGet(k);
                List<Runnable> sub = new ArrayList<>();
                for (int j = 0; j < 4; j++) {
                    int q = 4 * k + j;
                    sub.add(() -> inner.incrementAndGet(q));
                }
                ModelExecutor.runAll(sub);
            });
        }
        ModelExecutor.runAll(jobs);
        for (int i = 0; i < 16; i++) assertThat(inner.get(i)).isEqualTo(1);
        for (int i = 0; i < 4; i++) assertThat(outer.get(i)).isEqualTo(1);
    }

    @Test
    void stepsFromTwoThreadsAtOnceBothComplete() throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            Thread th = new Thread(() -> {
                try {
                    go.await();
                    for (int step = 0; step < 500; step++) {
                        AtomicIntegerArray runs = new AtomicIntegerArray(9);
                        ModelExecutor.runAll(counting(runs));
                        for (int i = 0; i < 9; i++) if (runs.get(i) != 1) throw new AssertionError("job " + i + " ran " + runs.get(i) + " times");
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            });
            th.start();
            threads.add(th);
        }
        go.countDown();
        for (Thread th : threads) th.join(60_000);
        assertThat(failure.get()).isNull();
    }
}
