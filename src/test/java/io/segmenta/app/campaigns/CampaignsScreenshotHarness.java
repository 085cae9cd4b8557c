package io.segmenta.app.campaigns;

import static io.segmenta.app.HarnessSupport.later;
import static io.segmenta.app.HarnessSupport.shoot;

import io.segmenta.app.ScriptedDialogs;
import io.segmenta.app.project.AppSettings;
import io.segmenta.app.project.ProjectPersistence;
import io.segmenta.app.shell.MainViewModel;
import io.segmenta.app.shell.MainWindow;
import io.segmenta.app.shell.Section;
import io.segmenta.app.task.FxTaskRunner;
import io.segmenta.core.campaign.Allocation;
import io.segmenta.core.data.Column;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.DateTimeColumn;
import io.segmenta.core.data.DoubleColumn;
import io.segmenta.core.data.LongColumn;
import io.segmenta.core.data.StringColumn;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Not a test: opens the main window on the sample project, builds a campaign list in the Campaigns section
 * (1,000 customers, 5 creatives stratified by channel, 10% holdout) and takes a screenshot with ImageMagick's
 * {@code import} (run under {@code xvfb-run}):
 * <pre>
 * java -cp TEST_CLASSES:CLASSES:LIB/* io.segmenta.app.campaigns.CampaignsScreenshotHarness sample-projects/sample.segmenta OUT.png [tab] [times] [control] [dark] [es]
 * </pre>
 * {@code tab} is 0 (build list) … 3 (sample size); on tab 2 a synthetic results table is analysed, with send, open,
 * click and purchase timestamps (the median-hours columns) when {@code times} is given, and with "Spring" as the
 * control when {@code control} is.
 */
public final class CampaignsScreenshotHarness {
    private CampaignsScreenshotHarness() { }

    public static void main(String[] args) { Application.launch(App.class, args); }

    /** The harness application. */
    public static final class App extends Application {
        private FxTaskRunner runner;

        @Override
        public void start(Stage stage) {
            List<String> a = getParameters().getRaw();
            Path out = Path.of(a.get(1));
            int tab = a.size() > 2 && a.get(2).matches("\\d") ? Integer.parseInt(a.get(2)) : 0;
            runner = new FxTaskRunner();
            MainViewModel vm = new MainViewModel(runner, new ScriptedDialogs(), ProjectPersistence.STORE, null,
                    new AppSettings(List.of(), a.contains("dark") ? "dark" : "light", a.contains("es") ? "es" : "en"));
            MainWindow window = new MainWindow(stage, vm, Platform::exit);
            window.showFillingScreen();
            CampaignsViewModel c = vm.campaigns();
            boolean[] started = {false};
            vm.project().projectProperty().addListener((o, x, p) -> {
                if (started[0]) return;
                started[0] = true;
                vm.selectedSectionProperty().set(Section.CAMPAIGNS);
                later(1, () -> {
                    c.datasetProperty().set("customers");
                    c.segmentColumnProperty().set("channel");
                    c.creativeCountProperty().set(5);
                    List<String> names = List.of("Spring", "Free ship", "10% off", "New in", "Loyalty");
                    for (int i = 0; i < 5; i++) c.creativeNames().get(i).set(names.get(i));
                    c.allocationProperty().set(Allocation.STRATIFIED);
                    c.holdoutProperty().set("10%");
                    c.sampleSizeProperty().set(1000);
                    c.campaignNameProperty().set("Spring wave 1");
                    if (tab == 2) {
                        c.useResults(a.contains("times") ? withTimes(results(names)) : results(names), "results.csv (4,500 rows)");
                        c.costPerSendProperty().set("0.15");
                        if (a.contains("control")) c.controlProperty().set("Spring"); // revenue against a control
                        c.analyse();
                    }
                    later(2, () -> {
                        TabPane tp = (TabPane) Window.getWindows().get(0).getScene().getRoot().lookup("#campaignsView .tab-pane");
                        tp.getSelectionModel().select(tab);
                        later(3, () -> shoot(out));
                    });
                });
            });
            vm.project().load(Path.of(a.get(0)));
        }

        static Dataset results(List<String> arms) {
            int per = 900;
            int n = per * arms.size();
            String[] arm = new String[n];
            String[] seg = new String[n];
            long[] opened = new long[n], clicked = new long[n], converted = new long[n];
            double[] revenue = new double[n];
            int[] conv = {27, 31, 24, 36, 52};
            String[] channels = {"app", "email", "store", "web"};
            for (int i = 0; i < n; i++) {
                int a = i / per, k = i % per;
                arm[i] = arms.get(a);
                seg[i] = channels[k % 4];
                opened[i] = k < 300 + 20 * a ? 1 : 0;
                clicked[i] = k < 3 * conv[a] ? 1 : 0;
                converted[i] = k < conv[a] ? 1 : 0;
                revenue[i] = converted[i] * (40 + (k % 7) * 5);
            }
            return new Dataset("results", List.of(StringColumn.of("creative", true, arm), StringColumn.of("segment", true, seg),
                    new LongColumn("opened", opened, new BitSet()), new LongColumn("clicked", clicked, new BitSet()),
                    new LongColumn("converted", converted, new BitSet()), new DoubleColumn("revenue", revenue, new BitSet())));
        }


        /** {@code d} with send, open, click and purchase timestamps (missing where the step did not happen). */
        static Dataset withTimes(Dataset d) {
            int n = d.rowCount();
            long[] sent = new long[n], open = new long[n], click = new long[n], buy = new long[n];
            BitSet noOpen = new BitSet(), noClick = new BitSet(), noBuy = new BitSet();
            long t0 = 1_700_000_000_000L, hour = 3_600_000L;
            for (int i = 0; i < n; i++) {
                sent[i] = t0;
                open[i] = t0 + hour * (1 + i % 30);
                click[i] = open[i] + hour * (i % 7);
                buy[i] = click[i] + hour * (i % 50);
                if (((LongColumn) d.column("opened")).getLong(i) == 0) noOpen.set(i);
                if (((LongColumn) d.column("clicked")).getLong(i) == 0) noClick.set(i);
                if (((LongColumn) d.column("converted")).getLong(i) == 0) noBuy.set(i);
            }
            List<Column> cols = new ArrayList<>(d.columns());
            cols.add(new DateTimeColumn("sent_at", sent, new BitSet()));
            cols.add(new DateTimeColumn("opened_at", open, noOpen));
            cols.add(new DateTimeColumn("clicked_at", click, noClick));
            cols.add(new DateTimeColumn("purchased_at", buy, noBuy));
            return new Dataset("results", cols);
        }

        @Override
        public void stop() {
            if (runner != null) runner.shutdown();
        }
    }
}
