package io.segmenta.app.task;

import io.segmenta.core.task.CancelledException;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

class TaskRunnerTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void sameThreadRunnerPublishesResultAndProgress() {
        SameThreadTaskRunner r = new SameThreadTaskRunner();
        List<String> events = new ArrayList<>();
        TaskHandle<Integer> h = r.submit("t", ctx -> {
            ctx.progress(5, 10, "half");
            events.add("running:" + r.running().size());
            return 42;
        }, v -> events.add("ok:" + v), e -> events.add("fail"));
        assertThat(events).containsExactly("running:1", "ok:42");
        assertThat(h.getState()).isEqualTo(TaskHandle.State.SUCCEEDED);
        assertThat(h.getMessage()).isEqualTo("half");
        assertThat(r.running()).isEmpty();
    }

    @Test
    void sameThreadRunnerReportsCancellationNotFailure() {
        SameThreadTaskRunner r = new SameThreadTaskRunner();
        List<String> events = new ArrayList<>();
        TaskHandle<Object> h = r.submit("t", ctx -> { throw new CancelledException(); },
                v -> events.add("ok"), e -> events.add("fail"), () -> events.add("cancelled"));
        assertThat(events).containsExactly("cancelled");
        assertThat(h.getState()).isEqualTo(TaskHandle.State.CANCELLED);
    }

    @Test
    void sameThreadRunnerPassesFailures() {
        SameThreadTaskRunner r = new SameThreadTaskRunner();
        AtomicReference<Throwable> err = new AtomicReference<>();
        r.submit("t", ctx -> { throw new IllegalStateException("boom"); }, v -> { }, err::set);
        assertThat(err.get()).hasMessage("boom");
    }

    @Test
    void fxRunnerRunsOffTheFxThreadAndPublishesOnIt() throws Exception {
        FxTaskRunner r = new FxTaskRunner(2);
        AtomicReference<Boolean> workOnFx = new AtomicReference<>();
        AtomicReference<Boolean> callbackOnFx = new AtomicReference<>();
        AtomicReference<Integer> result = new AtomicReference<>();
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<TaskHandle<Integer>> handle = new AtomicReference<>();
        Platform.runLater(() -> handle.set(r.submit("work", ctx -> {
            workOnFx.set(Platform.isFxApplicationThread());
            ctx.progress(1, 4, "quarter");
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 7;
        }, v -> {
            callbackOnFx.set(Platform.isFxApplicationThread());
            result.set(v);
        }, e -> { })));
        waitFor(5, TimeUnit.SECONDS, () -> handle.get() != null && handle.get().getProgress() == 0.25);
        waitForFxEvents();
        assertThat(r.running()).hasSize(1);
        assertThat(handle.get().getMessage()).isEqualTo("quarter");
        release.countDown();
        waitFor(5, TimeUnit.SECONDS, () -> result.get() != null);
        assertThat(workOnFx.get()).isFalse();
        assertThat(callbackOnFx.get()).isTrue();
        assertThat(result.get()).isEqualTo(7);
        waitForFxEvents();
        assertThat(r.running()).isEmpty();
        assertThat(handle.get().getState()).isEqualTo(TaskHandle.State.SUCCEEDED);
        r.shutdown();
    }

    @Test
    void fxRunnerCancelIsSeenByTheWorkAndDropsTheResult() throws Exception {
        FxTaskRunner r = new FxTaskRunner(1);
        List<String> events = new ArrayList<>();
        CountDownLatch started = new CountDownLatch(1);
        TaskHandle<String> h = r.submit("loop", ctx -> {
            started.countDown();
            while (true) {
                ctx.checkCancelled();
                Thread.onSpinWait();
            }
        }, v -> events.add("ok"), e -> events.add("fail"), () -> events.add("cancelled"));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        h.cancel();
        waitFor(5, TimeUnit.SECONDS, () -> h.getState() == TaskHandle.State.CANCELLED);
        waitForFxEvents();
        assertThat(events).containsExactly("cancelled");

        // work that ignores the flag but finishes after cancel: its result is dropped
        CountDownLatch go = new CountDownLatch(1);
        TaskHandle<String> h2 = r.submit("ignores", ctx -> {
            try {
                go.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "late";
        }, v -> events.add("ok:" + v), e -> events.add("fail"), () -> events.add("cancelled2"));
        h2.cancel();
        go.countDown();
        waitFor(5, TimeUnit.SECONDS, () -> h2.getState() == TaskHandle.State.CANCELLED);
        waitForFxEvents();
        assertThat(events).containsExactly("cancelled", "cancelled2");
        r.shutdown();
    }

    @Test
    void workSubmittedAfterShutdownIsDroppedNotThrown() throws Exception {
        FxTaskRunner r = new FxTaskRunner(1);
        r.shutdown();
        List<String> events = new ArrayList<>();
        TaskHandle<String> h = r.submit("late", ctx -> "ran", v -> events.add("ok"), e -> events.add("fail"),
                () -> events.add("cancelled"));
        waitFor(5, TimeUnit.SECONDS, () -> h.getState() == TaskHandle.State.CANCELLED);
        waitForFxEvents();
        assertThat(events).isEmpty();
        assertThat(r.running()).isEmpty();
    }
}
