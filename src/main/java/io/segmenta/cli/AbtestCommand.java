package io.segmenta.cli;

import io.segmenta.core.campaign.AbAnalysis;
import io.segmenta.core.campaign.AbData;
import io.segmenta.core.campaign.AbMetric;
import io.segmenta.core.campaign.AbOptions;
import io.segmenta.core.campaign.AbReport;
import io.segmenta.core.campaign.AbReport.ArmMetrics;
import io.segmenta.core.campaign.AbResultsLoader;
import io.segmenta.core.campaign.AggregateColumns;
import io.segmenta.core.campaign.ArmCounts;
import io.segmenta.core.campaign.Group;
import io.segmenta.core.campaign.PowerCalculator;
import io.segmenta.core.campaign.ProportionStats;
import io.segmenta.core.campaign.ResultColumns;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.io.CsvImporter;
import io.segmenta.core.io.ImportRequest;
import io.segmenta.core.io.ImportResult;
import io.segmenta.core.io.RowLines;
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
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code segmenta abtest RESULTS.csv --arm COL …}: rates, revenue and ROI per creative (and per segment ×
 * creative), two-proportion z tests with Wilson intervals and Holm correction, Beta–Binomial P(best) and
 * expected loss, a recommendation and the sample size for the next wave.
 */
@Command(name = "abtest", mixinStandardHelpOptions = true,
        description = {"Analyse A/B results per creative: rates, revenue, ROI, tests and a recommendation.",
                "Reads per-customer rows (with --arm, or joined to an exported list with --list and --id) or "
                        + "rows aggregated per creative (--aggregated --sends COL). Prints delivery, open, click (visit) "
                        + "and conversion rates, revenue, ROI, z tests (Wilson CI, Holm), P(best), expected loss and a "
                        + "recommendation.",
                "Exit codes: 0 ok, 2 usage error, 3 bad input."})
public final class AbtestCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RESULTS.csv", description = "Results file")
    Path results;

    @Option(names = "--arm", paramLabel = "COL", description = "Column naming each row's creative (arm)")
    String arm;

    @Option(names = "--segment", paramLabel = "COL", description = "Segment column, for results per segment x creative")
    String segment;

    @Option(names = "--list", paramLabel = "LIST.csv", description = "Campaign list exported by 'segmenta campaign': arms and segments come from it")
    Path list;

    @Option(names = "--id", paramLabel = "COL", description = "Customer id column of the results (and of --list)")
    String id;

    @Option(names = "--control", paramLabel = "NAME", description = "Control arm (with --list: default holdout)")
    String control;

    @Option(names = "--delivered", paramLabel = "COL", description = "Delivered (yes/no; aggregated: a count)") String delivered;
    @Option(names = "--bounced", paramLabel = "COL", description = "Bounced (yes/no; aggregated: a count)") String bounced;
    @Option(names = "--opened", paramLabel = "COL", description = "Opened the e-mail (yes/no; aggregated: a count)") String opened;
    @Option(names = {"--clicked", "--visit"}, paramLabel = "COL", description = "Clicked / visited the site (yes/no; aggregated: a count)") String clicked;
    @Option(names = {"--converted", "--conversion"}, paramLabel = "COL", description = "Converted (yes/no; aggregated: a count)") String converted;
    @Option(names = {"--revenue", "--spend"}, paramLabel = "COL", description = "Revenue (spend; aggregated: the total)") String revenue;
    @Option(names = "--sent-at", paramLabel = "COL", description = "Send time; with the times below, gives the median delays")
    String sentAt;
    @Option(names = "--opened-at", paramLabel = "COL", description = "Open time") String openedAt;
    @Option(names = "--clicked-at", paramLabel = "COL", description = "Click time") String clickedAt;
    @Option(names = "--purchased-at", paramLabel = "COL", description = "Purchase time") String purchasedAt;

    @Option(names = "--aggregated", description = "One row per creative (or segment x creative) with counts")
    boolean aggregated;

    @Option(names = "--sends", paramLabel = "COL", description = "Sends column of --aggregated results")
    String sends;

    @Option(names = "--cost-per-send", paramLabel = "X", description = "Cost of one send, for ROI")
    Double costPerSend;

    @Option(names = "--confidence", defaultValue = "0.95", paramLabel = "C", description = "Confidence (default ${DEFAULT-VALUE})")
    double confidence;

    @Option(names = "--power", defaultValue = "0.8", paramLabel = "P", description = "Power for the next wave (default ${DEFAULT-VALUE})")
    double power;

    @Option(names = "--mde", defaultValue = "0.1", paramLabel = "LIFT", description = "Relative lift to detect in the next wave (default ${DEFAULT-VALUE})")
    double mde;

    @Option(names = "--primary", paramLabel = "METRIC", description = "Metric for the recommendation: open, click (visit) or conversion")
    String primary;

    @Option(names = "--json", description = "Print the result as JSON")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        // usage errors first, before any file is read
        if (aggregated) {
            if (arm == null || sends == null) throw usage(I18n.tr("campaign.cli.ab.aggregatedNeeds"));
        } else if (list != null) {
            if (id == null) throw usage(I18n.tr("campaign.cli.ab.listNeedsId"));
        } else if (arm == null) {
            throw usage(I18n.tr("campaign.cli.ab.needArm"));
        }
        ResultColumns cols = new ResultColumns(arm, segment, id, delivered, bounced, opened, clicked, converted, revenue,
                sentAt, openedAt, clickedAt, purchasedAt);
        String holdoutArm = Group.HOLDOUT.key();
        Map<String, AbResultsLoader.Listed> listed = null;
        if (!aggregated && list != null) {
            ImportResult li = CsvImporter.importFiles(ImportRequest.of(list), TaskContext.NONE);
            AbResultsLoader.checkListImport(li.report(), id);
            try {
                listed = AbResultsLoader.assignmentsOf(li.dataset(), id, holdoutArm);
            } catch (UserException e) {
                throw li.rowLines().relocate(e);
            }
        }
        ImportResult imported = CsvImporter.importFiles(ImportRequest.of(results), TaskContext.NONE);
        Dataset ds = imported.dataset();
        RowLines lines = imported.rowLines();
        String ctl = control;
        AbData data;
        AbReport r;
        try {
            // results are outcomes: rows the reader rejected or values it could not read are errors, not notes
            if (aggregated) {
                AggregateColumns ac = new AggregateColumns(arm, segment, sends, delivered, bounced, opened, clicked, converted, revenue);
                AbResultsLoader.checkImport(imported.report(), ac);
                data = AbResultsLoader.aggregated(ds, ac);
            } else if (listed != null) {
                AbResultsLoader.checkImport(imported.report(), cols);
                data = AbResultsLoader.joined(ds, cols, listed);
                if (ctl == null && data.arms().stream().anyMatch(a -> a.arm().equals(holdoutArm))) ctl = holdoutArm;
            } else {
                AbResultsLoader.checkImport(imported.report(), cols);
                data = AbResultsLoader.perCustomer(ds, cols);
            }
            AbOptions o = new AbOptions(ctl, costPerSend, confidence, power, mde, 0.95, 0.05,
                    primary == null ? null : AbMetric.fromKey(primary));
            r = AbAnalysis.analyze(data, o);
        } catch (UserException e) {
            UserException x = lines.relocate(e);
            if (x.key().equals("campaign.ab.tooManyArms")) throw new UserException("campaign.cli.ab.tooManyArms", x.args());
            throw x;
        }
        List<String> notes = new ArrayList<>(ModelCliSupport.importNotes(imported.report()));
        for (AbData.Note n : data.notes()) notes.add(n.message(lines));
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            ObjectNode n = toJson(r);
            ArrayNode nn = n.putArray("notes");
            notes.forEach(nn::add);
            w.println(Json.write(n));
        } else {
            printText(w, r);
            ModelCliSupport.printNotes(spec.commandLine().getErr(), notes);
        }
        w.flush();
        return SegmentaCli.EXIT_OK;
    }

    private CommandLine.ParameterException usage(String msg) { return new CommandLine.ParameterException(spec.commandLine(), msg); }

    // ---- JSON ----

    static ObjectNode toJson(AbReport r) {
        ObjectNode n = Json.object();
        n.put("control", r.options().control());
        num(n, "cost_per_send", r.options().costPerSend());
        n.put("confidence", r.options().confidence());
        if (r.data().join() != null) {
            n.putObject("join").put("listed", r.data().join().listed()).put("matched", r.data().join().matched())
                    .put("results_only", r.data().join().resultsOnly());
        }
        ArrayNode arms = n.putArray("arms");
        for (ArmMetrics m : r.arms()) arms.add(arm(m));
        ArrayNode segs = n.putArray("segment_arms");
        for (ArmMetrics m : r.segmentArms()) segs.add(arm(m));
        ArrayNode metrics = n.putArray("metrics");
        for (AbReport.MetricResult mr : r.metrics()) {
            ObjectNode mn = metrics.addObject();
            mn.put("metric", mr.metric().key());
            ArrayNode rates = mn.putArray("rates");
            for (AbReport.ArmRate ar : mr.rates()) {
                ObjectNode x = rates.addObject().put("arm", ar.arm()).put("successes", ar.successes()).put("trials", ar.trials());
                num(x, "rate", ar.rate());
                interval(x, "wilson", ar.wilson());
            }
            ArrayNode comps = mn.putArray("comparisons");
            for (AbReport.Comparison c : mr.comparisons()) {
                ObjectNode x = comps.addObject().put("arm", c.arm()).put("versus", c.other()).put("versus_control", c.versusControl());
                num(x, "difference", c.test().difference());
                interval(x, "difference_ci", c.test().differenceCi());
                num(x, "z", c.test().z());
                num(x, "p_value", c.test().pValue());
                num(x, "p_holm", c.holmP());
                x.put("significant", c.significant());
            }
            ArrayNode bayes = mn.putArray("bayes");
            for (AbReport.BayesArm b : mr.bayes()) {
                ObjectNode x = bayes.addObject().put("arm", b.arm());
                num(x, "posterior_mean", b.posteriorMean());
                interval(x, "credible", b.credible());
                num(x, "probability_best", b.probabilityBest());
                num(x, "expected_loss", b.expectedLoss());
                num(x, "probability_beats_control", b.probabilityBeatsControl());
            }
        }
        AbReport.Recommendation rec = r.recommendation();
        ObjectNode rn = n.putObject("recommendation");
        rn.put("decision", rec.decision().key());
        rn.put("metric", rec.metric().key());
        rn.put("leader", rec.leader());
        if (rec.decision() == AbReport.Decision.DECLARE_WINNER) rn.put("lead_significant", !rec.winnerNotSignificant());
        num(rn, "probability_best", rec.probabilityBest());
        num(rn, "expected_loss", rec.expectedLoss());
        rn.put("current_per_arm", rec.currentPerArm());
        rn.put("message", rec.message());
        PowerCalculator.Result nw = rec.nextWave();
        if (nw == null) rn.putNull("next_wave");
        else {
            ObjectNode x = rn.putObject("next_wave");
            num(x, "baseline", nw.plan().baseline());
            num(x, "target", nw.plan().target());
            num(x, "relative_mde", nw.plan().mde());
            num(x, "alpha", nw.plan().alpha());
            num(x, "power", nw.plan().power());
            num(x, "effect_size_h", nw.effectSize());
            x.put("per_arm", nw.perArm());
            x.put("total_two_arms", nw.total());
        }
        return n;
    }

    private static ObjectNode arm(ArmMetrics m) {
        ArmCounts c = m.counts();
        ObjectNode x = Json.object();
        x.put("arm", c.arm());
        if (c.segment() != null) x.put("segment", c.segment());
        x.put("sends", c.sends()).put("delivered", c.delivered()).put("opened", c.opened()).put("clicked", c.clicked())
                .put("converted", c.converted());
        num(x, "revenue", c.known().revenue() ? c.revenue() : null);
        num(x, "delivery_rate", m.deliveryRate());
        num(x, "open_rate", m.openRate());
        num(x, "ctr", m.ctr());
        num(x, "click_rate", m.clickRate());
        num(x, "conversion_rate", m.conversionRate());
        num(x, "revenue_per_send", m.revenuePerSend());
        num(x, "cost", m.cost());
        num(x, "roi", m.roi());
        num(x, "incremental_revenue_per_send", m.incrementalRevenuePerSend());
        num(x, "incremental_roi", m.incrementalRoi());
        if (m.incrementalRevenueInterval() != null) {
            num(x, "incremental_revenue_per_send_low", m.incrementalRevenueInterval().low());
            num(x, "incremental_revenue_per_send_high", m.incrementalRevenueInterval().high());
            num(x, "incremental_revenue_p_holm", m.incrementalRevenueHolmP());
        }
        num(x, "median_hours_to_open", c.medianHoursToOpen());
        num(x, "median_hours_to_click", c.medianHoursToClick());
        num(x, "median_hours_to_purchase", c.medianHoursToPurchase());
        return x;
    }

    private static void num(ObjectNode n, String k, Double v) {
        if (v == null || v.isNaN() || v.isInfinite()) n.putNull(k); else n.put(k, v.doubleValue());
    }

    private static void interval(ObjectNode n, String k, ProportionStats.Interval i) {
        ObjectNode x = n.putObject(k);
        num(x, "low", i.low());
        num(x, "high", i.high());
    }

    // ---- text ----

    /** {@code v} formatted with a {@link DecimalFormat} pattern and the separators of the current language. */
    private static String dec(String pattern, double v) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(I18n.locale())).format(v);
    }

    private static String count(long v) { return dec("#,##0", v); }

    private static String pct(Double v) { return v == null ? "-" : dec("0.000", 100 * v) + "%"; }

    private static String money(Double v) { return v == null ? "-" : dec("#,##0.000", v); }

    private static String p(double v) {
        if (Double.isNaN(v)) return "-";
        return v < 1e-4 ? dec("0.00E00", v) : dec("0.0000", v);
    }

    private static void table(PrintWriter w, List<List<String>> rows) {
        int[] width = new int[rows.get(0).size()];
        for (List<String> r : rows) for (int i = 0; i < r.size(); i++) width[i] = Math.max(width[i], r.get(i).length());
        for (List<String> r : rows) {
            StringBuilder sb = new StringBuilder("  ");
            for (int i = 0; i < r.size(); i++) {
                if (i > 0) sb.append("  ");
                String c = r.get(i);
                if (i <= 1 && !c.isEmpty() && !Character.isDigit(c.charAt(0))) sb.append(c).append(" ".repeat(width[i] - c.length()));
                else sb.append(" ".repeat(width[i] - c.length())).append(c);
            }
            w.println(sb.toString().stripTrailing());
        }
    }

    private static List<List<String>> armTable(List<ArmMetrics> ms, boolean withSegment) {
        List<List<String>> rows = new ArrayList<>();
        List<String> head = new ArrayList<>();
        if (withSegment) head.add(I18n.tr("campaign.cli.ab.col.segment"));
        head.addAll(List.of(I18n.tr("campaign.cli.ab.col.arm"), I18n.tr("campaign.cli.ab.col.sends"), I18n.tr("campaign.cli.ab.col.delivery"),
                I18n.tr("campaign.cli.ab.col.open"), I18n.tr("campaign.cli.ab.col.ctr"), I18n.tr("campaign.cli.ab.col.conversion"),
                I18n.tr("campaign.cli.ab.col.revenue"), I18n.tr("campaign.cli.ab.col.revPerSend"), I18n.tr("campaign.cli.ab.col.roi"),
                I18n.tr("campaign.cli.ab.col.hoursOpen"), I18n.tr("campaign.cli.ab.col.hoursClick"), I18n.tr("campaign.cli.ab.col.hoursBuy")));
        rows.add(head);
        for (ArmMetrics m : ms) {
            ArmCounts c = m.counts();
            List<String> row = new ArrayList<>();
            if (withSegment) row.add(c.segment());
            row.addAll(List.of(c.arm(), count(c.sends()), pct(m.deliveryRate()), pct(m.openRate()),
                    pct(m.ctr()), pct(m.conversionRate()), c.known().revenue() ? money(c.revenue()) : "-", money(m.revenuePerSend()),
                    m.roi() == null ? "-" : dec("0.0", 100 * m.roi()) + "%", hours(c.medianHoursToOpen()),
                    hours(c.medianHoursToClick()), hours(c.medianHoursToPurchase())));
            rows.add(row);
        }
        return rows;
    }

    private static String hours(Double h) { return h == null ? "-" : dec("0.0", h); }

    private static String decision(AbReport.Decision d) {
        return switch (d) {
            case DECLARE_WINNER -> I18n.tr("campaign.cli.ab.decision.declareWinner");
            case KEEP_TESTING -> I18n.tr("campaign.cli.ab.decision.keepTesting");
            case INCREASE_SAMPLE -> I18n.tr("campaign.cli.ab.decision.increaseSample");
            case KEEP_CONTROL -> I18n.tr("campaign.cli.ab.decision.keepControl");
        };
    }

    private static void printText(PrintWriter w, AbReport r) {
        if (r.data().join() != null) {
            w.println(I18n.tr("campaign.cli.ab.joined", r.data().join().listed(), r.data().join().matched(), r.data().join().resultsOnly()));
        }
        w.println(I18n.tr("campaign.cli.ab.perArm"));
        table(w, armTable(r.arms(), false));
        if (!r.segmentArms().isEmpty()) {
            w.println();
            w.println(I18n.tr("campaign.cli.ab.perSegment"));
            table(w, armTable(r.segmentArms(), true));
        }
        for (AbReport.MetricResult mr : r.metrics()) {
            w.println();
            w.println(I18n.tr("campaign.cli.ab.metricHeading", mr.metric().label(), 100 * r.options().confidence()));
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of(I18n.tr("campaign.cli.ab.col.arm"), I18n.tr("campaign.cli.ab.col.events"), I18n.tr("campaign.cli.ab.col.sends"),
                    I18n.tr("campaign.cli.ab.col.rate"), I18n.tr("campaign.cli.ab.col.ciLow"), I18n.tr("campaign.cli.ab.col.ciHigh"),
                    I18n.tr("campaign.cli.ab.col.pBest"), I18n.tr("campaign.cli.ab.col.expLoss"), I18n.tr("campaign.cli.ab.col.pBeatsControl")));
            for (int i = 0; i < mr.rates().size(); i++) {
                AbReport.ArmRate a = mr.rates().get(i);
                AbReport.BayesArm b = mr.bayes().get(i);
                rows.add(List.of(a.arm(), count(a.successes()), count(a.trials()), pct(a.rate()), pct(a.wilson().low()),
                        pct(a.wilson().high()), Double.isNaN(b.probabilityBest()) ? "-" : dec("0.000", b.probabilityBest()),
                        Double.isNaN(b.expectedLoss()) ? "-" : dec("0.00000", b.expectedLoss()),
                        b.probabilityBeatsControl() == null ? "-" : dec("0.000", b.probabilityBeatsControl())));
            }
            table(w, rows);
            if (!mr.comparisons().isEmpty()) {
                List<List<String>> cr = new ArrayList<>();
                cr.add(List.of(I18n.tr("campaign.cli.ab.col.comparison"), "", I18n.tr("campaign.cli.ab.col.diff"), "z", "p",
                        I18n.tr("campaign.cli.ab.col.pHolm"), I18n.tr("campaign.cli.ab.col.significant")));
                for (AbReport.Comparison c : mr.comparisons()) {
                    cr.add(List.of(I18n.tr("campaign.cli.ab.versus", c.arm(), c.other()),
                            I18n.tr(c.versusControl() ? "campaign.cli.ab.vsControl" : "campaign.cli.ab.pairwise"),
                            I18n.tr("campaign.cli.ab.pp", dec("+0.000;-0.000", 100 * c.test().difference())), dec("0.000", c.test().z()),
                            p(c.test().pValue()), p(c.holmP()), I18n.tr(c.significant() ? "campaign.cli.ab.yes" : "campaign.cli.ab.no")));
                }
                table(w, cr);
            }
        }
        List<AbReport.ArmMetrics> revenue = r.arms().stream().filter(m -> m.incrementalRevenueInterval() != null).toList();
        if (!revenue.isEmpty()) {
            // money is what the campaign is for: its difference from the control, with its uncertainty
            w.println();
            w.println(I18n.tr("campaign.cli.ab.revenueHeading", r.options().control(), 100 * r.options().confidence()));
            List<List<String>> rr = new ArrayList<>();
            rr.add(List.of(I18n.tr("campaign.cli.ab.col.arm"), I18n.tr("campaign.cli.ab.col.revPerSend"), I18n.tr("campaign.cli.ab.col.diff"),
                    I18n.tr("campaign.cli.ab.col.ciLow"), I18n.tr("campaign.cli.ab.col.ciHigh"), I18n.tr("campaign.cli.ab.col.pHolm"),
                    I18n.tr("campaign.cli.ab.col.significant")));
            for (AbReport.ArmMetrics m : revenue) {
                rr.add(List.of(m.counts().arm(), money(m.revenuePerSend()), dec("+0.000;-0.000", m.incrementalRevenuePerSend()),
                        dec("+0.000;-0.000", m.incrementalRevenueInterval().low()), dec("+0.000;-0.000", m.incrementalRevenueInterval().high()),
                        p(m.incrementalRevenueHolmP()),
                        I18n.tr(m.incrementalRevenueHolmP() < 1 - r.options().confidence() ? "campaign.cli.ab.yes" : "campaign.cli.ab.no")));
            }
            table(w, rr);
        }
        w.println();
        AbReport.Recommendation rec = r.recommendation();
        w.println(I18n.tr("campaign.cli.ab.recommendation", decision(rec.decision()), rec.message()));
        if (rec.nextWave() != null) {
            PowerCalculator.Result nw = rec.nextWave();
            w.println(I18n.tr("campaign.cli.ab.nextWave", nw.perArm(), pct(nw.plan().baseline()), pct(nw.plan().target()),
                    100 * nw.plan().mde(), nw.plan().alpha(), nw.plan().power()));
        }
    }
}
