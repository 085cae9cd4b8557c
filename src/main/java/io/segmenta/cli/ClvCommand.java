package io.segmenta.cli;

import io.segmenta.core.clv.ClvAnalysis;
import io.segmenta.core.clv.ClvArtifacts;
import io.segmenta.core.clv.ClvOptions;
import io.segmenta.core.clv.ClvResult;
import io.segmenta.core.clv.ClvScores;
import io.segmenta.core.clv.FitOptions;
import io.segmenta.core.clv.FrequencyModel;
import io.segmenta.core.clv.ModelFit;
import io.segmenta.core.clv.ReturnsPolicy;
import io.segmenta.core.clv.Rfm;
import io.segmenta.core.clv.SummaryOptions;
import io.segmenta.core.clv.SummaryReport;
import io.segmenta.core.clv.TimeUnit;
import io.segmenta.core.clv.ValueTier;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.LongColumn;
import io.segmenta.core.data.StringColumn;
import io.segmenta.core.io.CsvImporter;
import io.segmenta.core.io.CsvWriter;
import io.segmenta.core.io.ImportRequest;
import io.segmenta.core.io.ImportResult;
import io.segmenta.core.io.RowLines;
import io.segmenta.core.project.DatasetEntry;
import io.segmenta.core.project.Project;
import io.segmenta.core.project.ProjectStore;
import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.I18n;
import io.segmenta.core.util.UserException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code segmenta clv TRANSACTIONS.csv | --project P --dataset NAME --customer COL --date COL [--amount COL]
 * --calibration-end DATE [--holdout-end DATE] [--model bgnbd|paretonbd|mbgnbd] ... --out clv.csv [--json]}.
 */
@Command(name = "clv", mixinStandardHelpOptions = true,
        description = {"Customer lifetime value from a transaction log: BG/NBD (or Pareto/NBD, MBG/NBD), Gamma-Gamma, "
                        + "tiers and RFM.",
                "Per-customer summary, BG/NBD, Pareto/NBD or MBG/NBD for purchase frequency and Gamma-Gamma for "
                        + "spend (maximum likelihood), expected purchases, probability alive, discounted CLV, value tiers "
                        + "and RFM segments; with --holdout-end, a holdout scorecard. Writes one row per customer to "
                        + "--out.",
                "Exit codes: 0 ok, 2 usage error, 3 bad input."})
public final class ClvCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "TRANSACTIONS.csv", description = "Transaction log (CSV or whitespace separated)")
    Path file;

    @Option(names = "--project", paramLabel = "P.segmenta", description = "Project holding the transaction dataset")
    Path project;

    @Option(names = "--dataset", paramLabel = "NAME", description = "Transaction dataset in --project")
    String dataset;

    @Option(names = "--customer", required = true, paramLabel = "COL", description = "Customer id column")
    String customer;

    @Option(names = "--date", required = true, paramLabel = "COL", description = "Purchase date column")
    String date;

    @Option(names = "--amount", paramLabel = "COL", description = "Purchase amount column (needed for spend and CLV)")
    String amount;

    @Option(names = "--quantity", paramLabel = "COL", description = "Items column (optional)")
    String quantity;

    @Option(names = "--unit-price", description = "The --amount column is a unit price: each row's value is amount x "
            + "--quantity, so a returned item (negative quantity) is a negative value, handled as --returns says")
    boolean unitPrice;

    @Option(names = "--calibration-end", required = true, paramLabel = "DATE", description = "Last day of the calibration period (yyyy-mm-dd)")
    String calibrationEnd;

    @Option(names = "--holdout-end", paramLabel = "DATE", description = "Last day of the holdout period (yyyy-mm-dd)")
    String holdoutEnd;

    @Option(names = "--model", defaultValue = "bgnbd", description = "bgnbd, paretonbd or mbgnbd (default ${DEFAULT-VALUE})")
    String model;

    @Option(names = "--horizon-months", defaultValue = "12", description = "CLV horizon in months (default ${DEFAULT-VALUE})")
    double horizonMonths;

    @Option(names = "--horizon-weeks", description = "CLV horizon in weeks instead of months (39 for the published CDNOW figures)")
    Double horizonWeeks;

    @Option(names = "--discount-rate", defaultValue = "0.01", description = "Monthly discount rate (default ${DEFAULT-VALUE})")
    double discountRate;

    @Option(names = "--time-unit", defaultValue = "weeks", description = "days or weeks (default ${DEFAULT-VALUE})")
    String timeUnit;

    @Option(names = "--returns", defaultValue = "drop", description = "Negative amounts: drop or net_same_day (default ${DEFAULT-VALUE})")
    String returns;

    @Option(names = "--penalty", defaultValue = "0", description = "L2 penalty on the parameters (default ${DEFAULT-VALUE})")
    double penalty;

    @Option(names = "--out", required = true, paramLabel = "clv.csv", description = "Per-customer output CSV")
    Path out;

    @Option(names = "--json", description = "Print the result as JSON")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private CommandLine.ParameterException usage(String msg) {
        return new CommandLine.ParameterException(spec.commandLine(), msg);
    }

    private LocalDate parseDate(String opt, String v) {
        try {
            return LocalDate.parse(v.trim());
        } catch (DateTimeParseException e) {
            throw usage(I18n.tr("clv.cli.badDate", opt, v));
        }
    }

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean fromProject = project != null || dataset != null;
        if ((file == null) == !fromProject || fromProject && (project == null || dataset == null)) {
            throw usage(I18n.tr("clv.cli.source"));
        }
        FrequencyModel fm;
        TimeUnit unit;
        ReturnsPolicy rp;
        try {
            fm = FrequencyModel.fromKey(model);
        } catch (IllegalArgumentException e) {
            throw usage(I18n.tr("clv.cli.badModel", model));
        }
        try {
            unit = TimeUnit.fromKey(timeUnit);
        } catch (IllegalArgumentException e) {
            throw usage(I18n.tr("clv.cli.badTimeUnit", timeUnit));
        }
        try {
            rp = ReturnsPolicy.fromKey(returns);
        } catch (IllegalArgumentException e) {
            throw usage(I18n.tr("clv.cli.badReturns", returns));
        }
        if (horizonWeeks != null) {
            if (spec.commandLine().getParseResult().hasMatchedOption("--horizon-months")) throw usage(I18n.tr("clv.cli.twoHorizons"));
            if (!(horizonWeeks > 0) || horizonWeeks > 5200) throw usage(I18n.tr("clv.cli.badHorizonWeeks"));
            horizonMonths = horizonWeeks * 7 / (365.25 / 12); // an average calendar month, as TimeUnit counts it
        }
        if (!(horizonMonths > 0) || horizonMonths > 1200) throw usage(I18n.tr("clv.cli.badHorizon"));
        if (!(discountRate >= 0 && discountRate < 1)) throw usage(I18n.tr("clv.cli.badDiscountRate"));
        if (!(penalty >= 0) || !Double.isFinite(penalty)) throw usage(I18n.tr("clv.cli.badPenalty"));
        LocalDate cal = parseDate("--calibration-end", calibrationEnd);
        LocalDate hold = holdoutEnd == null ? null : parseDate("--holdout-end", holdoutEnd);

        ModelCliSupport.checkOutputFile("--out", out, "clv.csv");
        ModelCliSupport.checkOutputsApart(ModelCliSupport.paths("--out", out), ModelCliSupport.paths("FILE", file, "--project", project));
        Dataset log = load();
        if (unitPrice && (amount == null || quantity == null)) throw usage(I18n.tr("clv.summary.unitPriceNeedsQuantity"));
        SummaryOptions so = new SummaryOptions(customer, date, amount, quantity, unit, cal, hold, rp, unitPrice);
        ClvOptions co = new ClvOptions(fm, horizonMonths, discountRate, FitOptions.defaults().withPenalty(penalty), null);
        ClvResult r;
        try {
            r = ClvAnalysis.run(log, so, co, TaskContext.NONE);
        } catch (UserException e) {
            throw rowLines.relocate(e);
        }

        Dataset table = customerTable(r);
        CsvWriter.write(table, out, CsvWriter.Options.defaults(), TaskContext.NONE);
        for (String n : importNotes) err.println("segmenta: " + I18n.tr("clv.cli.warning", n));
        for (ClvResult.Warning w : r.warnings()) err.println("segmenta: " + I18n.tr("clv.cli.warning", w.message()));
        err.flush();
        if (json) {
            ObjectNode n = toJson(r, so, co);
            if (horizonWeeks != null) n.put("horizon_weeks", horizonWeeks);
            ArrayNode w = (ArrayNode) n.get("warnings");
            for (int i = importNotes.size() - 1; i >= 0; i--) w.insert(0, importNotes.get(i));
            o.println(Json.write(n));
        }
        else printText(o, r);
        o.flush();
        return SegmentaCli.EXIT_OK;
    }

    /** What reading the transaction file left out (rejected rows, unreadable values), for the warnings. */
    private List<String> importNotes = List.of();
    /** The file line of each row of the transaction file, so messages name lines ({@link RowLines#NONE} for a project). */
    private RowLines rowLines = RowLines.NONE;

    private Dataset load() {
        if (file != null) {
            ImportResult res = CsvImporter.importFiles(ImportRequest.of(file), TaskContext.NONE);
            importNotes = ModelCliSupport.importNotes(res.report());
            rowLines = res.rowLines();
            return res.dataset();
        }
        Project p = ProjectStore.open(project);
        return p.dataset(dataset).map(DatasetEntry::dataset).orElseThrow(() -> new UserException("clv.cli.noDataset",
                dataset, String.join(", ", p.datasets().stream().map(DatasetEntry::name).toList())));
    }

    /** Summary, scores, RFM scores and segment per customer. */
    static Dataset customerTable(ClvResult r) {
        Dataset d = r.scores().toDataset("clv", r.summary());
        Rfm.Result rfm = r.rfm();
        int n = r.summary().size();
        long[] rs = new long[n], fs = new long[n], ms = new long[n];
        String[] seg = new String[n];
        for (int i = 0; i < n; i++) {
            rs[i] = rfm.recency()[i];
            fs[i] = rfm.frequency()[i];
            ms[i] = rfm.monetary()[i];
            seg[i] = rfm.segments().get(rfm.segment()[i]).key();
        }
        return d.withColumn(new LongColumn("rfm_r", rs, new BitSet())).withColumn(new LongColumn("rfm_f", fs, new BitSet()))
                .withColumn(new LongColumn("rfm_m", ms, new BitSet())).withColumn(StringColumn.of("rfm_segment", true, seg));
    }

    static ObjectNode toJson(ClvResult r, SummaryOptions so, ClvOptions co) {
        ObjectNode n = Json.object();
        ModelFit f = r.frequencyFit();
        n.put("model", f.model());
        n.put("time_unit", so.unit().key());
        n.put("calibration_end", so.calibrationEnd().toString());
        n.put("holdout_end", so.holdoutEnd() == null ? null : so.holdoutEnd().toString());
        n.put("customers", r.summary().size());
        n.put("repeat_customers", r.summary().repeatCustomers());
        ObjectNode fit = ClvArtifacts.fitJson(f);
        n.set("parameters", fit.get("parameters"));
        n.put("log_likelihood", f.logLikelihood());
        n.put("converged", f.converged());
        n.put("iterations", f.iterations());
        n.put("message", f.message());
        if (r.gammaGamma() != null) n.set("gamma_gamma", ClvArtifacts.fitJson(r.gammaGamma()));
        else n.putNull("gamma_gamma");
        double c = r.frequencyMonetaryCorrelation();
        if (Double.isFinite(c)) n.put("frequency_monetary_correlation", c); else n.putNull("frequency_monetary_correlation");
        if (r.holdout() != null) n.set("holdout", ClvArtifacts.holdoutJson(Json.object(), r.holdout()));
        ClvScores s = r.scores();
        n.put("horizon_months", s.horizonMonths());
        n.put("discount_rate", s.monthlyDiscount());
        double ep = 0;
        for (double v : s.expectedPurchases()) ep += v;
        n.put("expected_purchases_total", ep);
        if (s.hasClv()) {
            double tot = 0, risk = 0;
            for (double v : s.clv()) tot += v;
            for (double v : s.valueAtRisk()) risk += v;
            n.put("clv_total", tot);
            n.put("clv_mean", tot / s.size());
            n.put("value_at_risk_total", risk);
        }
        ArrayNode tiers = n.putArray("tiers");
        for (ValueTier t : ValueTier.values()) {
            int cnt = 0;
            double v = 0;
            for (int i = 0; i < s.size(); i++) {
                if (s.tiers()[i] != t) continue;
                cnt++;
                v += s.hasClv() ? s.clv()[i] : 0;
            }
            ObjectNode tn = tiers.addObject().put("tier", t.key()).put("customers", cnt);
            if (s.hasClv()) tn.put("clv", v);
        }
        ArrayNode segs = n.putArray("rfm_segments");
        for (Rfm.Segment sg : r.rfm().segments()) {
            segs.addObject().put("key", sg.key()).put("name", sg.name()).put("customers", sg.customers())
                    .put("customer_share", sg.customerShare()).put("revenue_share", sg.revenueShare());
        }
        SummaryReport rep = r.summary().report();
        if (rep != null) {
            n.putObject("transactions").put("rows", rep.rows()).put("rows_missing", rep.rowsMissing()).put("rows_zero", rep.rowsZero())
                    .put("rows_negative", rep.rowsNegative()).put("rows_negative_dropped", rep.rowsNegativeDropped())
                    .put("rows_after_end", rep.rowsAfterEnd()).put("rows_same_day", rep.rowsSameDay())
                    .put("customers_no_repeat", rep.customersNoRepeat()).put("customers_only_in_holdout", rep.customersOnlyInHoldout())
                    .put("returns", rep.returns().key());
        }
        ArrayNode w = n.putArray("warnings");
        r.warnings().forEach(x -> w.add(x.message()));
        return n;
    }

    private void printText(PrintWriter o, ClvResult r) {
        ModelFit f = r.frequencyFit();
        o.println(I18n.tr("clv.cli.customers", r.summary().size(), r.summary().repeatCustomers()));
        o.println(I18n.tr("clv.cli.model", I18n.tr("clv.model." + f.model()), f.logLikelihood(), converged(f)));
        printParams(o, f);
        if (r.gammaGamma() != null) {
            o.println(I18n.tr("clv.cli.spend", I18n.tr("clv.model.gammagamma"), r.gammaGamma().logLikelihood(), converged(r.gammaGamma())));
            printParams(o, r.gammaGamma());
        }
        if (r.holdout() != null) {
            var m = r.holdout().metrics();
            o.println(I18n.tr("clv.cli.holdout", m.mae(), m.rmse(), m.baselineMae(), m.baselineRmse(), m.actualTotal(), m.predictedTotal()));
        }
        ClvScores s = r.scores();
        if (s.hasClv()) {
            double tot = 0;
            for (double v : s.clv()) tot += v;
            o.println(horizonWeeks != null ? I18n.tr("clv.cli.clvWeeks", horizonWeeks, 100 * s.monthlyDiscount(), tot, tot / s.size())
                    : I18n.tr("clv.cli.clv", s.horizonMonths(), 100 * s.monthlyDiscount(), tot, tot / s.size()));
        }
        o.println(I18n.tr("clv.cli.rfm"));
        // Numbers are formatted (and right-aligned) here so that the translated row text keeps them in columns.
        List<Rfm.Segment> segments = r.rfm().segments();
        List<String> counts = new ArrayList<>(), customerShares = new ArrayList<>(), revenueShares = new ArrayList<>();
        for (Rfm.Segment sg : segments) {
            counts.add(ModelCliSupport.count(sg.customers()));
            customerShares.add(ModelCliSupport.dec("0.0", 100 * sg.customerShare()));
            revenueShares.add(ModelCliSupport.dec("0.0", 100 * sg.revenueShare()));
        }
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            rows.add(List.of(segments.get(i).name(), I18n.tr("clv.cli.rfmRow", padLeft(counts, i), padLeft(customerShares, i),
                    padLeft(revenueShares, i))));
        }
        ModelCliSupport.table(o, rows, "ll");
        o.println(I18n.tr("clv.cli.written", out.toString()));
    }

    /** Element {@code i} of {@code cells}, padded on the left to the widest of them. */
    private static String padLeft(List<String> cells, int i) {
        int width = 0;
        for (String c : cells) width = Math.max(width, c.length());
        return " ".repeat(width - cells.get(i).length()) + cells.get(i);
    }

    private static String converged(ModelFit f) {
        return I18n.tr(f.converged() ? "clv.cli.converged" : "clv.cli.notConverged");
    }

    private static void printParams(PrintWriter o, ModelFit f) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < f.names().size(); i++) {
            double se = f.standardErrors()[i];
            rows.add(List.of(f.names().get(i), ModelCliSupport.dec("0.000000", f.values()[i]),
                    I18n.tr("clv.cli.standardError", Double.isFinite(se) ? ModelCliSupport.dec("0.000000", se) : "—")));
        }
        ModelCliSupport.table(o, rows, "lrl");
    }
}
