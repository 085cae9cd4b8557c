package io.segmenta.app.explore;

import io.segmenta.app.ui.FilterCondition;
import io.segmenta.app.task.FxTaskRunner;
import io.segmenta.core.bench.ImportBenchmark;
import io.segmenta.core.io.CsvImporter;
import io.segmenta.core.io.ImportRequest;
import io.segmenta.core.project.DatasetEntry;
import io.segmenta.core.project.Project;
import io.segmenta.core.task.TaskContext;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Benchmark (not a test) of the Explore section's responsiveness on a large dataset: for every chart,
 * the time until its result is shown and the longest the JavaFX thread took to answer a ping meanwhile.
 * Runs headless on Monocle:
 * <pre>
 * mvn -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw \
 *      -cp target/test-classes:target/classes:$(cat cp.txt) io.segmenta.app.explore.ExploreLatencyBench [rows]
 * </pre>
 */
public final class ExploreLatencyBench {
    private ExploreLatencyBench() { }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path csv = Path.of(System.getProperty("java.io.tmpdir"), "segmenta-bench-" + rows + ".csv");
        if (!Files.exists(csv)) ImportBenchmark.generate(csv, rows, 42);
        var imported = CsvImporter.importFiles(ImportRequest.of(csv), TaskContext.NONE);
        Project project = Project.empty().withDataset(new DatasetEntry(imported.dataset().withName("customers"), "import",
                imported.settings(), imported.sources(), imported.report(), null, null));
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await();
        FxTaskRunner runner = new FxTaskRunner();
        ExploreViewModel[] vm = new ExploreViewModel[1];
        onFx(() -> {
            vm[0] = new ExploreViewModel(runner, new SimpleObjectProperty<>(project), n -> { });
            ExploreView view = new ExploreView(vm[0], false);
            Stage stage = new Stage();
            stage.setScene(new Scene(view.root(), 1280, 800));
            stage.show();
        });
        System.out.printf(Locale.ROOT, "%,d rows x %d columns, %d processors%n", rows, imported.dataset().columnCount(),
                Runtime.getRuntime().availableProcessors());
        long overallWorst = 0;
        for (int pass = 1; pass <= 2; pass++) {
            // pass 1 includes the first layout of each chart; pass 2 is a new filter, so every chart recomputes
            if (pass == 2) {
                long[] f = measure(() -> vm[0].keptRowsProperty().get() != null && vm[0].keptRowsProperty().get() < 1_000_000, () -> {
                    FilterCondition c = vm[0].addCondition();
                    c.columnProperty().set("age");
                    c.operatorProperty().set(io.segmenta.core.eda.RowFilter.Operator.GE);
                    c.valueProperty().set("30");
                });
                System.out.printf(Locale.ROOT, "  filter age>=30 applied after %5d ms; longest FX-thread wait %3d ms%n", f[0], f[1]);
                overallWorst = Math.max(overallWorst, f[1]);
            }
            for (ExploreTab tab : ExploreTab.values()) {
                if (tab == ExploreTab.TARGET) continue; // needs a target, measured below
                long[] r = measure(() -> vm[0].upToDate(tab) && vm[0].result(tab) != null, () -> vm[0].tabProperty().set(tab));
                if (pass == 2 || tab != ExploreTab.PROFILES) overallWorst = Math.max(overallWorst, r[1]);
                System.out.printf(Locale.ROOT, "  pass %d %-12s shown after %5d ms; longest FX-thread wait %3d ms%s%n", pass, tab, r[0], r[1],
                        pass == 1 && tab == ExploreTab.PROFILES ? " (includes showing the window)" : "");
            }
        }
        // interactions on the current data: a target, then a histogram bin change
        String target = vm[0].targetColumns().contains("churned") ? "churned" : vm[0].targetColumns().get(0);
        long[] t = measure(() -> vm[0].upToDate(ExploreTab.TARGET) && vm[0].result(ExploreTab.TARGET) != null,
                () -> { vm[0].tabProperty().set(ExploreTab.TARGET); vm[0].targetProperty().set(target); });
        System.out.printf(Locale.ROOT, "  target=%s    shown after %5d ms; longest FX-thread wait %3d ms%n", target, t[0], t[1]);
        long[] h = measure(() -> vm[0].upToDate(ExploreTab.HISTOGRAM) && vm[0].result(ExploreTab.HISTOGRAM) != null,
                () -> { vm[0].tabProperty().set(ExploreTab.HISTOGRAM); vm[0].histAutoBinsProperty().set(false); vm[0].histBinsProperty().set(40); });
        System.out.printf(Locale.ROOT, "  bins=40      shown after %5d ms; longest FX-thread wait %3d ms%n", h[0], h[1]);
        overallWorst = Math.max(overallWorst, Math.max(t[1], h[1]));
        System.out.printf(Locale.ROOT, "Longest FX-thread wait overall, window start-up excluded: %d ms (target 100 ms)%n", overallWorst);
        runner.shutdown();
        Platform.exit();
        System.exit(0);
    }

    /** {elapsed ms until done, longest FX ping in ms}; pings every 5 ms while waiting. */
    private static long[] measure(Supplier<Boolean> done, Runnable action) throws Exception {
        long t0 = System.nanoTime();
        onFx(action);
        long worst = 0;
        long deadline = t0 + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            long p0 = System.nanoTime();
            boolean[] d = new boolean[1];
            CountDownLatch ping = new CountDownLatch(1);
            Platform.runLater(() -> { d[0] = done.get(); ping.countDown(); });
            ping.await(10, TimeUnit.SECONDS);
            worst = Math.max(worst, (System.nanoTime() - p0) / 1_000_000);
            if (d[0]) break;
            Thread.sleep(5);
        }
        // let the result render, and count that frame too
        long p0 = System.nanoTime();
        CountDownLatch ping = new CountDownLatch(1);
        Platform.runLater(ping::countDown);
        ping.await(10, TimeUnit.SECONDS);
        worst = Math.max(worst, (System.nanoTime() - p0) / 1_000_000);
        return new long[]{(System.nanoTime() - t0) / 1_000_000, worst};
    }

    private static void onFx(Runnable r) throws InterruptedException {
        CountDownLatch l = new CountDownLatch(1);
        Platform.runLater(() -> { try { r.run(); } finally { l.countDown(); } });
        l.await(10, TimeUnit.SECONDS);
    }
}
