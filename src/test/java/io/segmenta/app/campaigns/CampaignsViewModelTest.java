package io.segmenta.app.campaigns;

import io.segmenta.app.ui.FilterCondition;
import io.segmenta.app.ScriptedDialogs;
import io.segmenta.app.project.ProjectPersistence;
import io.segmenta.app.project.ProjectViewModel;
import io.segmenta.app.task.SameThreadTaskRunner;
import io.segmenta.app.ui.Notice;
import io.segmenta.core.campaign.AbMetric;
import io.segmenta.core.campaign.AbReport;
import io.segmenta.core.campaign.Allocation;
import io.segmenta.core.campaign.CampaignArtifacts;
import io.segmenta.core.campaign.CampaignExporter;
import io.segmenta.core.campaign.PowerCalculator;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.DoubleColumn;
import io.segmenta.core.data.LongColumn;
import io.segmenta.core.data.StringColumn;
import io.segmenta.core.eda.RowFilter;
import io.segmenta.core.project.DatasetEntry;
import io.segmenta.core.project.Project;
import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.I18n;
import javafx.util.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The Campaigns view model with the same-thread runner on a small synthetic customer table. */
class CampaignsViewModelTest {
    @TempDir Path dir;
    private final List<Notice> notices = new ArrayList<>();
    private final ScriptedCampaignsDialogs dialogs = new ScriptedCampaignsDialogs();
    private SameThreadTaskRunner runner;
    private ProjectViewModel project;
    private CampaignsViewModel vm;

    /** 600 customers: 300 by e-mail, 200 web, 100 app; every 50th e-mail address is a formula. */
    static Dataset customers() {
        int n = 600;
        String[] ids = new String[n], email = new String[n], channel = new String[n];
        double[] score = new double[n];
        for (int i = 0; i < n; i++) {
            ids[i] = String.format(Locale.ROOT, "C%04d", i + 1);
            email[i] = i % 50 == 0 ? "=HYPERLINK(\"http://x\",\"c" + i + "\")" : "c" + i + "@example.com";
            channel[i] = i < 300 ? "email" : i < 500 ? "web" : "app";
            score[i] = (i * 37 % 100) / 100.0;
        }
        return new Dataset("customers", List.of(StringColumn.of("customer_id", false, ids), StringColumn.of("email", false, email),
                StringColumn.of("channel", true, channel), new DoubleColumn("score", score, new BitSet())));
    }

    @BeforeEach
    void setUp() {
        I18n.setLocale(Locale.ENGLISH);
        runner = new SameThreadTaskRunner();
        Project p = Project.empty().withDataset(new DatasetEntry(customers(), "import", null, List.of(), null, Instant.EPOCH, null));
        project = new ProjectViewModel(runner, new ProjectPersistence() {
            @Override public Project open(Path file) { return p; }

            @Override public void save(Project project, Path file, TaskContext ctx) { }
        }, new ScriptedDialogs(), notices::add);
        project.load(dir.resolve("p.segmenta"));
        vm = newVm();
    }

    private CampaignsViewModel newVm() {
        return new CampaignsViewModel(runner, project, notices::add, dialogs, Duration.ZERO);
    }

    @AfterEach
    void tearDown() { I18n.setLocale(Locale.ENGLISH); }

    private void threeHundredStratified() {
        vm.segmentColumnProperty().set("channel");
        vm.sampleSizeProperty().set(300);
        vm.creativeCountProperty().set(3);
        vm.holdoutProperty().set("10%");
        vm.allocationProperty().set(Allocation.STRATIFIED);
    }

    @Test
    void previewCountsPerSegmentCreativeAndGroup() {
        assertThat(vm.datasetProperty().get()).isEqualTo("customers");
        assertThat(vm.idColumnProperty().get()).isEqualTo("customer_id");
        threeHundredStratified();
        assertThat(vm.getPreview()).isNotNull();
        assertThat(vm.previewErrorProperty().get()).isNull();
        assertThat(vm.previewCreatives()).containsExactly("A", "B", "C");
        // segments sorted: app, email, web; then the total
        assertThat(vm.previewRows()).extracting(PreviewRow::segment).containsExactly("app", "email", "web", "Total");
        PreviewRow total = vm.previewRows().get(3);
        assertThat(total.total()).isEqualTo(300);
        assertThat(total.holdout()).isEqualTo(30);
        assertThat(total.creatives()).containsExactly(90, 90, 90);
        assertThat(total.population()).isEqualTo(600);
        // stratified: each segment gets its share of 300 (app 50, email 150, web 100)
        assertThat(vm.previewRows().subList(0, 3)).extracting(PreviewRow::total).containsExactly(50, 150, 100);
        assertThat(vm.funnel().get(0).count()).isEqualTo(600);
        assertThat(vm.funnel().get(vm.funnel().size() - 1).count()).isEqualTo(300);
        assertThat(vm.previewSummaryProperty().get()).isEqualTo("300 customers on the list: 270 to mail, 30 held out, from 600 eligible");

        // a filter and top N narrow the funnel
        vm.filters().add(new FilterCondition("channel", RowFilter.Operator.NE, "app"));
        vm.topByProperty().set("score");
        vm.topNProperty().set("400");
        assertThat(vm.funnel()).extracting(FunnelStep::count).containsExactly(600, 500, 400, 300);
        assertThat(vm.previewRows()).extracting(PreviewRow::segment).containsExactly("email", "web", "Total");

        // contact fields: those found by name unless chosen (CLI --contact)
        assertThat(vm.exportOptions().contactColumns()).isNull();
        assertThat(vm.contactCandidates()).contains("score").doesNotContain(vm.idColumnProperty().get(), vm.segmentColumnProperty().get());
        vm.contactChoiceProperty().set(List.of("score"));
        assertThat(vm.exportOptions().contactColumns()).containsExactly("score");
        assertThat(vm.exportContactColumns()).containsExactly("score");
        vm.contactChoiceProperty().set(null);

        // a row with a column and no value is said, not dropped (it let everyone through); a blank row is ignored
        FilterCondition half = new FilterCondition();
        vm.filters().add(half);
        assertThat(vm.previewErrorProperty().get()).isNull();
        half.columnProperty().set("channel");
        assertThat(vm.previewErrorProperty().get()).isEqualTo("The filter on channel has no value: enter one, or remove the row.");
        half.valueProperty().set("web");
        assertThat(vm.previewErrorProperty().get()).startsWith("The list asks for 300 customers but only 200 are eligible");
    }

    @Test
    void tiersArePickedFromTheTierColumnsValuesMostFrequentFirst() {
        assertThat(vm.tierValues()).isEmpty(); // no tier column yet
        vm.tierColumnProperty().set("channel");
        assertThat(vm.tierValues()).containsExactly("email", "web", "app");
        vm.toggleTier("web", true);
        vm.toggleTier("app", true);
        assertThat(vm.tiersProperty().get()).isEqualTo("web, app");
        vm.toggleTier("web", false);
        assertThat(vm.tierList()).containsExactly("app");
        vm.segmentColumnProperty().set("channel");
        vm.sampleSizeProperty().set(50);
        vm.creativeCountProperty().set(1);
        assertThat(vm.getPreview()).isNotNull();
        assertThat(vm.getPreview().funnel().afterTier()).isEqualTo(100); // only the 100 app customers
    }

    @Test
    void impossibleRequestsShowTheCoreMessageWithTheNumbers() {
        threeHundredStratified();
        vm.sampleSizeProperty().set(5000);
        assertThat(vm.getPreview()).isNull();
        assertThat(vm.previewRows()).isEmpty();
        assertThat(vm.previewErrorProperty().get())
                .isEqualTo("The list asks for 5,000 customers but only 600 are eligible after the filters and the suppression.");
        // one creative per segment needs as many creatives as segments
        vm.sampleSizeProperty().set(300);
        vm.creativeCountProperty().set(2);
        vm.allocationProperty().set(Allocation.PER_SEGMENT);
        assertThat(vm.previewErrorProperty().get()).contains("2 creatives for 3 segments");
        vm.creativeCountProperty().set(3);
        assertThat(vm.previewErrorProperty().get()).isNull();
        assertThat(vm.getPreview().size()).isEqualTo(300);
        // a bad number in the form names the field
        vm.topByProperty().set("score");
        vm.topNProperty().set("many");
        assertThat(vm.previewErrorProperty().get()).isEqualTo("Top N: \"many\" is not a number.");
    }

    @Test
    void suppressionFromAProjectDatasetAndFromACsvShowsTheExcludedCount() throws Exception {
        threeHundredStratified();
        Dataset unsub = new Dataset("unsubscribed", List.of(StringColumn.of("customer_id", false, "C0001", "C0002", "C0003", "X9999")));
        project.addDataset(new DatasetEntry(unsub, "import", null, List.of(), null, Instant.EPOCH, null));
        vm.suppressionModeProperty().set(SuppressionMode.DATASET);
        vm.suppressionDatasetProperty().set("unsubscribed");
        assertThat(vm.suppressionColumnProperty().get()).isEqualTo("customer_id");
        assertThat(vm.getPreview().funnel().suppressed()).isEqualTo(3);
        assertThat(vm.suppressionSummaryProperty().get()).isEqualTo("4 ids to suppress: 3 eligible customers excluded\n"
                + "1 of the 4 ids to suppress match no customer id in column customer_id (customers no longer in the data, or ids written another way).");

        Path csv = dir.resolve("optout.csv");
        Files.writeString(csv, "id\nC0010\nC0011\n", StandardCharsets.UTF_8);
        dialogs.suppression.add(csv);
        vm.chooseSuppressionFile();
        assertThat(vm.suppressionModeProperty().get()).isEqualTo(SuppressionMode.FILE);
        assertThat(vm.getPreview().funnel().suppressed()).isEqualTo(2);
        assertThat(vm.getPreview().assignments()).noneMatch(a -> a.id().equals("C0010"));
        assertThat(vm.suppressionSummaryProperty().get()).isEqualTo("2 ids to suppress: 2 eligible customers excluded");
    }

    @Test
    void savesTheListInTheProjectAndReopensIt() {
        threeHundredStratified();
        vm.creativeNames().get(0).set("Spring");
        vm.seedProperty().set(7);
        vm.campaignNameProperty().set("Wave 1");
        assertThat(project.isDirty()).isFalse();
        vm.save();
        assertThat(project.isDirty()).isTrue();
        assertThat(project.getProject().artifacts()).extracting(a -> a.kind() + ":" + a.name()).containsExactly(CampaignArtifacts.KIND + ":Wave 1");
        assertThat(vm.saved()).extracting(SavedCampaign::name).containsExactly("Wave 1");
        var built = vm.getPreview();

        // a new view model on the same project (as after reopening it) restores the list
        CampaignsViewModel again = newVm();
        assertThat(again.saved()).hasSize(1);
        SavedCampaign s = again.saved().get(0);
        assertThat(s.list().assignments()).isEqualTo(built.assignments());
        assertThat(again.sampleSizeProperty().get()).isEqualTo(1000);
        again.open(s);
        assertThat(again.sampleSizeProperty().get()).isEqualTo(300);
        assertThat(again.segmentColumnProperty().get()).isEqualTo("channel");
        assertThat(again.creativeNames()).extracting(p -> p.get()).containsExactly("Spring", "B", "C");
        assertThat(again.holdoutProperty().get()).isEqualTo("10%");
        assertThat(again.seedProperty().get()).isEqualTo(7);
        assertThat(again.getPreview().sourceHash()).isEqualTo(built.sourceHash());
        assertThat(again.getPreview().assignments()).isEqualTo(built.assignments());
        assertThat(again.previewWarningProperty().get()).isNull();
        assertThat(notices).extracting(Notice::kind).doesNotContain(Notice.Kind.ERROR);
    }

    @Test
    void exportWritesTheCsvAndManifestAndCountsNeutralisedCells() throws Exception {
        threeHundredStratified();
        vm.sampleSizeProperty().set(600);
        vm.holdoutProperty().set("60");
        vm.delimiterProperty().set(';');
        vm.bomProperty().set(true);
        vm.campaignNameProperty().set("Spring mailing");
        Path out = dir.resolve("list.csv");
        dialogs.exports.add(out);
        vm.export();
        assertThat(dialogs.suggested).containsExactly("Spring_mailing.csv");
        CampaignExporter.Result r = vm.exportResultProperty().get();
        assertThat(r).isNotNull();
        assertThat(r.rows()).isEqualTo(600);
        assertThat(r.neutralizedCells()).isEqualTo(12); // 600 / 50 formula e-mails, all on the list
        byte[] bytes = Files.readAllBytes(out);
        assertThat(bytes[0] & 0xff).isEqualTo(0xEF);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text.lines().skip(1).findFirst().orElseThrow()).contains(";");
        assertThat(text).contains("'=HYPERLINK").doesNotContain(";=HYPERLINK");
        assertThat(r.manifest()).exists();
        assertThat(Files.readString(r.manifest())).contains("\"seed\"");
        assertThat(vm.exportSummaryProperty().get()).contains(r.manifest().toString()).endsWith("formula injection: 12");
        assertThat(vm.detectedContactColumns()).containsExactly("email");
    }

    /** Two arms: A converts 100 of 1,000, B 150 of 1,000; clicks twice that; revenue 40 per conversion. */
    static Dataset results() {
        int n = 2000;
        String[] arm = new String[n];
        long[] clicked = new long[n], converted = new long[n];
        double[] revenue = new double[n];
        for (int i = 0; i < n; i++) {
            boolean a = i < 1000;
            int k = a ? i : i - 1000;
            arm[i] = a ? "A" : "B";
            converted[i] = k < (a ? 100 : 150) ? 1 : 0;
            clicked[i] = k < (a ? 200 : 300) ? 1 : 0;
            revenue[i] = converted[i] * 40.0;
        }
        return new Dataset("results", List.of(StringColumn.of("creative", true, arm), new LongColumn("clicked", clicked, new BitSet()),
                new LongColumn("converted", converted, new BitSet()), new DoubleColumn("revenue", revenue, new BitSet())));
    }

    @Test
    void analysesResultsPerCreativeWithTestsPosteriorsAndARecommendation() {
        vm.useResults(results(), "results");
        assertThat(vm.mappingProperty(ResultField.ARM).get()).isEqualTo("creative");
        assertThat(vm.mappingProperty(ResultField.CLICKED).get()).isEqualTo("clicked");
        assertThat(vm.mappingProperty(ResultField.CONVERTED).get()).isEqualTo("converted");
        assertThat(vm.mappingProperty(ResultField.REVENUE).get()).isEqualTo("revenue");
        assertThat(vm.mappingProperty(ResultField.OPENED).get()).isNull();
        vm.costPerSendProperty().set("0.5");
        vm.analyse();
        assertThat(vm.abErrorProperty().get()).isNull();
        AbReport r = vm.getReport();
        assertThat(r).isNotNull();
        assertThat(vm.arms()).containsExactly("A", "B");
        AbReport.ArmMetrics b = r.arms().get(1);
        assertThat(b.conversionRate()).isEqualTo(0.15);
        assertThat(b.revenuePerSend()).isEqualTo(6.0);
        assertThat(b.roi()).isEqualTo((6000 - 500) / 500.0);
        AbReport.MetricResult m = vm.shownMetric();
        assertThat(m.metric()).isEqualTo(AbMetric.CONVERSION);
        assertThat(m.rates().get(0).wilson().low()).isBetween(0.08, 0.1);
        assertThat(m.comparisons()).hasSize(1);
        assertThat(m.comparisons().get(0).holmP()).isLessThan(0.01);
        assertThat(m.bayes().get(1).probabilityBest()).isGreaterThan(0.99);
        assertThat(r.recommendation().leader()).isEqualTo("B");
        assertThat(r.recommendation().message()).isNotBlank().contains("B");

        // changing the cost re-runs the analysis
        vm.costPerSendProperty().set("1");
        assertThat(vm.getReport().arms().get(1).roi()).isEqualTo(5.0);
        // choosing the click metric shows the click tables
        assertThat(vm.getReport().recommendation().metric()).isEqualTo(AbMetric.CONVERSION);
        vm.metricProperty().set(AbMetric.CLICK);
        assertThat(vm.shownMetric().metric()).isEqualTo(AbMetric.CLICK);
        assertThat(vm.shownMetric().rates().get(1).rate()).isEqualTo(0.3);
        // ... and the recommendation compares on clicks too (it stayed on conversions)
        assertThat(vm.getReport().recommendation().metric()).isEqualTo(AbMetric.CLICK);
        // the Power tab's confidence, power and effect are the analysis' too
        assertThat(vm.statistics().confidence()).isEqualTo(0.95);
        vm.confidenceProperty().set("90%");
        vm.powerProperty().set("90%");
        vm.mdeRelativeProperty().set(false);
        vm.mdeProperty().set("1%");
        vm.baselineProperty().set("4%");
        assertThat(vm.statistics().confidence()).isCloseTo(0.90, within(1e-12));
        assertThat(vm.statistics().power()).isCloseTo(0.90, within(1e-12));
        assertThat(vm.statistics().mde()).isCloseTo(0.25, within(1e-12));
        vm.confidenceProperty().set("40%");
        assertThat(vm.statistics().confidence()).isEqualTo(0.95);
        // a bad cost is explained
        vm.costPerSendProperty().set("cheap");
        assertThat(vm.abErrorProperty().get()).isEqualTo("Cost per send: \"cheap\" is not a number.");
    }

    @Test
    void resultsReadFromAFileAreCheckedAsInTheCliAndRowsLeftOutAreShown() throws Exception {
        // regression: the app kept only the table, so rows the reader rejected vanished and rows without an arm
        // were left out without a word
        StringBuilder sb = new StringBuilder("creative,converted\n");
        for (int i = 0; i < 200; i++) sb.append(i % 2 == 0 ? "A" : "B").append(',').append(i % 7 == 0 ? 1 : 0).append('\n');
        Path noArm = dir.resolve("no-arm.csv");
        java.nio.file.Files.writeString(noArm, sb + ",1\n,0\n");
        vm.loadResults(noArm);
        vm.analyse();
        assertThat(vm.abErrorProperty().get()).isNull();
        assertThat(vm.getReport()).isNotNull();
        assertThat(vm.joinSummaryProperty().get()).contains("2 rows of the results have no value in column creative")
                .contains("line 202 of no-arm.csv");

        Path ragged = dir.resolve("ragged.csv");
        java.nio.file.Files.writeString(ragged, sb + "A,1,extra\n");
        vm.loadResults(ragged);
        vm.analyse();
        assertThat(vm.getReport()).isNull();
        assertThat(vm.abErrorProperty().get()).contains("ragged.csv").contains("202");
    }

    @Test
    void joinsResultsToASavedListByCustomerId() {
        threeHundredStratified();
        vm.campaignNameProperty().set("Wave 1");
        vm.save();
        var list = vm.getPreview();
        // results: every listed customer in creative A converted, nobody else
        List<String> ids = new ArrayList<>();
        List<String> conv = new ArrayList<>();
        for (var a : list.assignments()) {
            ids.add(a.id());
            conv.add("A".equals(a.creative()) ? "yes" : "no");
        }
        ids.add("Z0001");
        conv.add("yes");
        Dataset res = new Dataset("res", List.of(StringColumn.of("customer_id", false, ids.toArray(String[]::new)),
                StringColumn.of("purchased", true, conv.toArray(String[]::new))));
        vm.useResults(res, "res");
        assertThat(vm.abModeProperty().get()).isEqualTo(AbMode.JOIN_LIST);
        assertThat(vm.joinCampaignProperty().get()).isEqualTo("Wave 1");
        assertThat(vm.mappingProperty(ResultField.CONVERTED).get()).isEqualTo("purchased");
        vm.analyse();
        assertThat(vm.abErrorProperty().get()).isNull();
        assertThat(vm.arms()).containsExactly("A", "B", "C", CampaignsViewModel.HOLDOUT_ARM);
        assertThat(vm.getReport().options().control()).isEqualTo(CampaignsViewModel.HOLDOUT_ARM);
        assertThat(vm.getReport().arms().get(0).conversionRate()).isEqualTo(1.0);
        assertThat(vm.getReport().segmentArms()).isNotEmpty();
        assertThat(vm.joinSummaryProperty().get()).isEqualTo("300 customers on the list, 300 with a result row; 1 result rows not on the list were ignored.");
    }

    @Test
    void powerCalculatorMatchesTheClosedForm() {
        vm.baselineProperty().set("10%");
        vm.mdeProperty().set("20%");
        vm.mdeRelativeProperty().set(true);
        vm.confidenceProperty().set("95%");
        vm.powerProperty().set("80%");
        vm.powerArmsProperty().set(5);
        PowerCalculator.Result r = vm.powerResultProperty().get();
        assertThat(r).isNotNull();
        // independent: n = 2 ((z_0.975 + z_0.8) / h)^2 with Cohen's h between 10% and 12%
        double h = 2 * Math.asin(Math.sqrt(0.12)) - 2 * Math.asin(Math.sqrt(0.10));
        double n = 2 * Math.pow((1.959964 + 0.841621) / h, 2);
        assertThat((double) r.perArm()).isBetween(n - 2, n + 2);
        assertThat(vm.powerTotal()).isEqualTo(r.perArm() * 5);
        assertThat(vm.powerSummaryProperty().get()).startsWith(CampaignsFormat.integer(r.perArm()) + " customers per arm");
        int rows = vm.datasetProperty().get() == null ? 0 : project.getProject().dataset(vm.datasetProperty().get()).orElseThrow().dataset().rowCount();
        // more customers than the dataset has: said, with what to do
        assertThat(r.perArm() * 5).isGreaterThan(rows);
        assertThat(vm.powerSummaryProperty().get()).contains("That is more than the " + CampaignsFormat.integer(rows) + " customers");

        // Spanish: decimal comma
        I18n.setLocale(Locale.of("es"));
        vm.baselineProperty().set("0,1");
        assertThat(vm.powerResultProperty().get().perArm()).isEqualTo(r.perArm());
        vm.baselineProperty().set("0.1"); // a decimal point is not read as a thousands separator
        assertThat(vm.powerResultProperty().get().perArm()).isEqualTo(r.perArm());
        assertThat(CampaignsFormat.parse("10.000")).isEqualTo(10000.0);
        assertThat(CampaignsFormat.parse("12,5 %")).isEqualTo(0.125);
        vm.baselineProperty().set("abc");
        assertThat(vm.powerResultProperty().get()).isNull();
        assertThat(vm.powerSummaryProperty().get()).isEqualTo("Indique la tasa actual, la mejora, la confianza y la potencia.");
    }
}
