package io.segmenta.app.clv;

import io.segmenta.app.SampleProject;
import io.segmenta.app.ScriptedDialogs;
import io.segmenta.app.project.ProjectPersistence;
import io.segmenta.app.project.ProjectViewModel;
import io.segmenta.app.task.SameThreadTaskRunner;
import io.segmenta.app.ui.Notice;
import io.segmenta.core.clv.ClvArtifacts;
import io.segmenta.core.clv.FrequencyModel;
import io.segmenta.core.clv.RfmRule;
import io.segmenta.core.clv.SummaryOptions;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.DateColumn;
import io.segmenta.core.data.DoubleColumn;
import io.segmenta.core.data.LongColumn;
import io.segmenta.core.data.StringColumn;
import io.segmenta.core.project.DatasetEntry;
import io.segmenta.core.project.Project;
import io.segmenta.core.util.I18n;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The Customer value view model on the sample project's transactions, with the same-thread runner. */
class ClvViewModelTest {
    private static Project sample;
    @TempDir Path dir;
    private SameThreadTaskRunner runner;
    private ProjectViewModel project;
    private final List<Notice> notices = new ArrayList<>();
    private Path exportTarget;

    @BeforeAll
    static void openSample() {
        sample = SampleProject.open();
    }

    @BeforeEach
    void setUp() {
        I18n.setLocale(Locale.ENGLISH);
        runner = new SameThreadTaskRunner();
        project = new ProjectViewModel(runner, persistenceOf(sample), new ScriptedDialogs(), notices::add);
    }

    @AfterEach
    void english() { I18n.setLocale(Locale.ENGLISH); }

    private static ProjectPersistence persistenceOf(Project p) {
        return SampleProject.serving(p);
    }

    private ClvViewModel vm() {
        return new ClvViewModel(runner, project, notices::add, name -> Optional.ofNullable(exportTarget));
    }

    private ClvViewModel sampleVm() {
        ClvViewModel vm = vm();
        project.load(Path.of("sample.segmenta"));
        return vm;
    }

    @Test
    void guessesTheColumnsAndPeriodsOfTheSampleTransactions() {
        ClvViewModel vm = sampleVm();
        assertThat(vm.datasetProperty().get()).isEqualTo("transactions");
        assertThat(vm.customerColumnProperty().get()).isEqualTo("customer_id");
        assertThat(vm.dateColumnProperty().get()).isEqualTo("order_date");
        assertThat(vm.amountColumnProperty().get()).isEqualTo("amount");
        assertThat(vm.firstDateProperty().get()).isEqualTo(LocalDate.of(2023, 1, 1));
        assertThat(vm.lastDateProperty().get()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(vm.calibrationEndProperty().get()).isBetween(LocalDate.of(2024, 6, 25), LocalDate.of(2024, 7, 5));
        assertThat(vm.holdoutEndProperty().get()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(vm.customerDatasetProperty().get()).isEqualTo("customers");
        assertThat(vm.idColumnProperty().get()).isEqualTo("customer_id");
        assertThat(vm.canRunBinding().get()).isTrue();
    }

    /** An Online Retail-like log: Price is a unit price, so the value of a row is Price × Quantity. */
    @Test
    void aPriceAndAQuantityAreReadAsAUnitPrice() {
        ClvViewModel vm = sampleVm();
        assertThat(vm.unitPriceProperty().get()).as("the sample's amount is a row's value").isFalse();
        Dataset retail = new Dataset("retail", List.of(StringColumn.of("Customer ID", false, "1", "1", "2"),
                new io.segmenta.core.data.DateColumn("InvoiceDate", new int[]{19000, 19030, 19010}, new BitSet()),
                new io.segmenta.core.data.DoubleColumn("Price", new double[]{2.5, 1.0, 3.0}, new BitSet()),
                new LongColumn("Quantity", new long[]{4, -2, 1}, new BitSet())));
        project.addDataset(new DatasetEntry(retail, "import", null, List.of(), null, null, null));
        vm.datasetProperty().set("retail");
        assertThat(vm.amountColumnProperty().get()).isEqualTo("Price");
        assertThat(vm.quantityColumnProperty().get()).isEqualTo("Quantity");
        assertThat(vm.unitPriceProperty().get()).isTrue();
        vm.calibrationEndProperty().set(LocalDate.of(2022, 1, 31));
        SummaryOptions so = vm.summaryOptions();
        assertThat(so).as(String.valueOf(vm.setupErrorProperty().get())).isNotNull();
        assertThat(so.unitPrice()).isTrue();
        // no quantity, no unit price (the check box is disabled then)
        vm.quantityColumnProperty().set(null);
        assertThat(vm.unitPriceProperty().get()).isFalse();
        assertThat(vm.summaryOptions().unitPrice()).isFalse();
        vm.unitPriceProperty().set(true);
        assertThat(vm.summaryOptions()).isNull();
        assertThat(vm.setupErrorProperty().get()).contains("quantity");
    }

    @Test
    void runFitsTheModelsScoresCustomersAndValidatesOnTheHoldout() {
        ClvViewModel vm = sampleVm();
        int before = runner.submittedCount();
        vm.run();
        assertThat(runner.submittedCount()).as("the run goes through the task runner").isGreaterThan(before);
        assertThat(vm.runErrorProperty().get()).isNull();
        assertThat(vm.result()).isNotNull();
        assertThat(vm.result().frequencyFit().converged()).isTrue();
        assertThat(vm.parameters()).extracting(ClvViewModel.ParameterRow::name).containsExactly("r", "alpha", "a", "b", "p", "q", "gamma");
        for (ClvViewModel.ParameterRow r : vm.parameters()) {
            assertThat(r.value()).isFinite().isPositive();
            assertThat(ClvFormat.significant(r.standardError())).doesNotContain("NaN");
        }
        assertThat(vm.fitSummaryProperty().get()).contains("log-likelihood");
        int customers = vm.result().summary().size();
        assertThat(customers).isGreaterThan(1000);
        assertThat(vm.customerRows()).hasSize(customers);
        assertThat(vm.result().scores().clv()).hasSize(customers);
        assertThat(vm.summaryFacts()).anyMatch(s -> s.contains("bought only once"));
        assertThat(vm.tiers()).hasSize(3);
        assertThat(vm.tiers().stream().mapToInt(ClvViewModel.TierRow::customers).sum()).isEqualTo(customers);
        assertThat(vm.segments()).isNotEmpty();
        assertThat(vm.segments().stream().mapToInt(s -> s.customers()).sum()).isEqualTo(customers);
        assertThat(vm.result().holdout()).isNotNull();
        var m = vm.result().holdout().metrics();
        assertThat(m.mae()).isFinite().isPositive();
        assertThat(m.baselineMae()).isFinite().isPositive();
        assertThat(vm.holdoutSentenceProperty().get()).containsAnyOf("more accurate", "less accurate", "about as accurate");
        if (m.mae() < m.baselineMae()) assertThat(vm.holdoutSentenceProperty().get()).contains("more accurate than assuming");
        assertThat(vm.result().holdout().byFrequency()).isNotEmpty();
        assertThat(vm.outcomeProperty().get().expectedMatrix()).isNotNull();
        assertThat(vm.outcomeProperty().get().aliveMatrix()[0][0]).isBetween(0.0, 1.0);
        assertThat(vm.statusProperty().get()).contains("BG/NBD");
        assertThat(project.isDirty()).as("a run alone does not change the project").isFalse();
    }

    @Test
    void addsTheClvColumnsToTheCustomerTableAndMakesTheProjectDirty() {
        ClvViewModel vm = sampleVm();
        vm.run();
        vm.customerDatasetProperty().set("customers");
        vm.idColumnProperty().set("customer_id");
        vm.addColumnsToCustomers();
        Dataset customers = project.getProject().dataset("customers").orElseThrow().dataset();
        assertThat(customers.columnNames()).contains("clv_expected_purchases", "clv_p_alive", "clv", "clv_value_at_risk", "clv_tier");
        assertThat(customers.column("clv").missingCount()).isLessThan(customers.rowCount());
        assertThat(project.isDirty()).isTrue();
        assertThat(notices).anyMatch(n -> n.kind() == Notice.Kind.SUCCESS && n.message().contains("customers matched"));
    }

    @Test
    void aWrongIdColumnAddsNothingAndSaysWhy() {
        ClvViewModel vm = sampleVm();
        vm.run();
        Dataset other = new Dataset("prospects", List.of(StringColumn.of("email", false, "a@x.es", "b@x.es"),
                new LongColumn("visits", new long[]{3, 4}, new BitSet())));
        project.addDataset(new DatasetEntry(other, "import", null, List.of(), null, null, null));
        vm.customerDatasetProperty().set("prospects");
        vm.idColumnProperty().set("email");
        notices.clear();
        vm.addColumnsToCustomers();
        assertThat(project.getProject().dataset("prospects").orElseThrow().dataset().columnNames()).containsExactly("email", "visits");
        assertThat(notices).anyMatch(n -> n.kind() == Notice.Kind.ERROR && n.message().contains("no columns were added"));
    }

    @Test
    void savesTheAnalysisInTheProjectAndRestoresItOnReopen() {
        ClvViewModel vm = sampleVm();
        vm.modelProperty().set(FrequencyModel.MBGNBD);
        vm.horizonMonthsProperty().set(6);
        vm.penaltyProperty().set(0.001);
        vm.run();
        assertThat(vm.result().frequencyFit().penalty()).isEqualTo(0.001);
        assertThat(vm.editRule(0, "VIP", 5, 5, 4, 5, 1, 5)).isTrue();
        assertThat(vm.segments().get(0).name()).isEqualTo("VIP");
        double[] fitted = vm.result().frequencyFit().values();
        double mae = vm.result().holdout().metrics().mae();
        vm.saveToProject();
        assertThat(project.isDirty()).isTrue();
        Project saved = project.getProject();
        assertThat(saved.artifacts()).anyMatch(a -> a.kind().equals(ClvArtifacts.KIND) && a.name().equals("transactions"));

        ProjectViewModel reopened = new ProjectViewModel(runner, persistenceOf(saved), new ScriptedDialogs(), notices::add);
        ClvViewModel again = new ClvViewModel(runner, reopened, notices::add, name -> Optional.empty());
        reopened.load(Path.of("again.segmenta"));
        assertThat(again.result()).as("restored without pressing Run").isNotNull();
        assertThat(again.modelProperty().get()).isEqualTo(FrequencyModel.MBGNBD);
        assertThat(again.horizonMonthsProperty().get()).isEqualTo(6);
        assertThat(again.penaltyProperty().get()).isEqualTo(0.001);
        assertThat(again.result().frequencyFit().values()).containsExactly(fitted);
        assertThat(again.result().holdout().metrics().mae()).isCloseTo(mae, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(again.rules().get(0)).extracting(RfmRule::displayName).isEqualTo("VIP");
        assertThat(again.segments().get(0).name()).isEqualTo("VIP");
        assertThat(again.customerRows()).hasSize(vm.customerRows().size());
        assertThat(again.restoredNoteProperty().get()).contains("transactions");
        assertThat(reopened.isDirty()).isFalse();
    }

    @Test
    void exportsThePerCustomerTableToCsv() throws IOException {
        ClvViewModel vm = sampleVm();
        vm.run();
        exportTarget = dir.resolve("clv");
        vm.exportCsv();
        Path file = dir.resolve("clv.csv");
        assertThat(file).isRegularFile();
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).contains("customer", "frequency", "recency", "T", "expected_purchases", "p_alive", "clv", "tier", "rfm_segment");
        assertThat(lines).hasSize(vm.result().summary().size() + 1);
    }

    @Test
    void aDegenerateLogShowsTheCoresNonConvergenceMessageNeverNaN() {
        int n = 300, visits = 6;
        long[] cust = new long[n * visits];
        int[] day = new int[n * visits];
        double[] amount = new double[n * visits];
        int start = (int) LocalDate.of(2023, 1, 1).toEpochDay();
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < visits; k++) {
                cust[i * visits + k] = i + 1;
                day[i * visits + k] = start + 70 * k;
                amount[i * visits + k] = 20;
            }
        }
        Dataset log = new Dataset("orders", List.of(new LongColumn("customer_id", cust, new BitSet()),
                new DateColumn("order_date", day, new BitSet()), new DoubleColumn("amount", amount, new BitSet())));
        project = new ProjectViewModel(runner, persistenceOf(Project.empty()), new ScriptedDialogs(), notices::add);
        project.addDataset(new DatasetEntry(log, "import", null, List.of(), null, null, null));
        ClvViewModel vm = vm();
        assertThat(vm.datasetProperty().get()).isEqualTo("orders");
        vm.calibrationEndProperty().set(LocalDate.ofEpochDay(start + 350));
        vm.holdoutEndProperty().set(null);
        vm.run();
        assertThat(vm.runErrorProperty().get()).isNull();
        assertThat(vm.result().frequencyFit().converged()).isFalse();
        assertThat(vm.fitMessageProperty().get()).startsWith(vm.result().frequencyFit().message())
                .contains("penalty").doesNotContain("NaN").doesNotContain("!clv.");
        assertThat(vm.statusProperty().get()).contains("did not converge");
        for (ClvViewModel.ParameterRow r : vm.parameters()) {
            assertThat(ClvFormat.significant(r.value())).doesNotContain("NaN").doesNotContain("∞");
            assertThat(ClvFormat.significant(r.standardError())).doesNotContain("NaN").doesNotContain("∞");
        }
        assertThat(vm.holdoutSentenceProperty().get()).isEmpty();
    }

    @Test
    void badColumnChoicesAreRefusedBeforeRunning() {
        ClvViewModel vm = sampleVm();
        int before = runner.submittedCount();
        vm.amountColumnProperty().set("customer_id");
        vm.run();
        assertThat(vm.setupErrorProperty().get()).contains("three different columns");
        vm.amountColumnProperty().set(null);
        vm.dateColumnProperty().set("amount");
        int afterDateGuess = runner.submittedCount();
        vm.run();
        assertThat(vm.setupErrorProperty().get()).contains("not dates");
        vm.dateColumnProperty().set("order_date");
        vm.amountColumnProperty().set("amount");
        vm.holdoutEndProperty().set(vm.calibrationEndProperty().get().minusDays(3));
        int beforeOrder = runner.submittedCount();
        vm.run();
        assertThat(vm.setupErrorProperty().get()).contains("must come after");
        assertThat(runner.submittedCount()).isEqualTo(beforeOrder);
        assertThat(vm.result()).isNull();
        assertThat(afterDateGuess).isGreaterThanOrEqualTo(before);
        assertThat(vm.editRule(0, "x", 4, 2, 1, 5, 1, 5)).as("min above max").isFalse();
        assertThat(notices).anyMatch(n -> n.kind() == Notice.Kind.ERROR && n.message().contains("from 1 to 5"));
    }

    @Test
    void everyClvStringHasASpanishTranslation() throws IOException {
        Properties en = load("/io/segmenta/i18n/ui.properties"), es = load("/io/segmenta/i18n/ui_es.properties");
        List<String> keys = en.stringPropertyNames().stream().filter(k -> k.startsWith("ui.clv.") || k.equals("ui.nav.clv")).toList();
        assertThat(keys).hasSizeGreaterThan(100);
        for (String k : keys) assertThat(es.getProperty(k)).as(k).isNotBlank();
        I18n.setLocale(Locale.of("es"));
        assertThat(ClvViewModel.sentence(new io.segmenta.core.clv.Validation.HoldoutMetrics(10, 4, 5, 5, 5, 0.5, 1, 1, 2)))
                .startsWith("El modelo es un 50").contains("más preciso que suponer");
        assertThat(ClvFormat.number(0.5, 2)).isEqualTo("0,50");
    }

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ClvViewModelTest.class.getResourceAsStream(resource)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }
}
