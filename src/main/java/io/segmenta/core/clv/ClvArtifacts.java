package io.segmenta.core.clv;

import io.segmenta.core.project.Artifact;
import io.segmenta.core.util.I18n;
import io.segmenta.core.util.UserException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A CLV result as a project {@link Artifact} of kind {@value #KIND}: the options as JSON, and as the result the
 * fitted models (enough to score new customers), the summary report, holdout validation and RFM segment sizes.
 * Per-customer scores are not stored here: add them to a customer dataset with {@link ClvScores#addTo}.
 */
public final class ClvArtifacts {
    private ClvArtifacts() { }

    public static final String KIND = "clv";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** What a saved CLV artifact holds. */
    public record Saved(SummaryOptions summaryOptions, ClvOptions options, ModelFit frequencyFit, ModelFit gammaGamma,
                        SummaryReport report, int customers, int repeatCustomers, double frequencyMonetaryCorrelation,
                        Validation.HoldoutMetrics holdout, List<Validation.CalibrationHoldoutRow> byFrequency,
                        List<Rfm.Segment> segments, List<ClvResult.Warning> warnings) { }

    public static Artifact toArtifact(String name, String datasetName, SummaryOptions so, ClvOptions co, ClvResult r) {
        ObjectNode opt = MAPPER.createObjectNode();
        opt.put("customer_column", so.customerColumn());
        opt.put("date_column", so.dateColumn());
        opt.put("amount_column", so.amountColumn());
        opt.put("quantity_column", so.quantityColumn());
        if (so.unitPrice()) opt.put("amount_is_unit_price", true);
        opt.put("time_unit", so.unit().key());
        opt.put("calibration_end", so.calibrationEnd().toString());
        opt.put("holdout_end", so.holdoutEnd() == null ? null : so.holdoutEnd().toString());
        opt.put("returns", so.returns().key());
        opt.put("model", co.model().key());
        opt.put("horizon_months", co.horizonMonths());
        opt.put("discount_rate", co.monthlyDiscount());
        opt.put("penalty", co.fit().penalty());
        opt.put("max_iterations", co.fit().maxIterations());
        ArrayNode rules = opt.putArray("rfm_rules");
        for (RfmRule rule : co.rfmRules()) {
            rules.addObject().put("key", rule.key()).put("name", rule.name())
                    .put("r_min", rule.rMin()).put("r_max", rule.rMax()).put("f_min", rule.fMin()).put("f_max", rule.fMax())
                    .put("m_min", rule.mMin()).put("m_max", rule.mMax());
        }
        ObjectNode res = MAPPER.createObjectNode();
        res.put("customers", r.summary().size());
        res.put("repeat_customers", r.summary().repeatCustomers());
        putDouble(res, "frequency_monetary_correlation", r.frequencyMonetaryCorrelation());
        res.set("frequency_model", fitJson(r.frequencyFit()));
        if (r.gammaGamma() != null) res.set("gamma_gamma", fitJson(r.gammaGamma()));
        SummaryReport rep = r.summary().report();
        if (rep != null) {
            res.putObject("report").put("rows", rep.rows()).put("rows_missing", rep.rowsMissing()).put("rows_zero", rep.rowsZero())
                    .put("rows_negative", rep.rowsNegative()).put("rows_negative_dropped", rep.rowsNegativeDropped())
                    .put("rows_after_end", rep.rowsAfterEnd()).put("rows_same_day", rep.rowsSameDay())
                    .put("return_days", rep.returnDays()).put("customers", rep.customers())
                    .put("customers_only_in_holdout", rep.customersOnlyInHoldout())
                    .put("customers_no_repeat", rep.customersNoRepeat()).put("returns", rep.returns().key());
        }
        if (r.holdout() != null) {
            res.set("holdout", holdoutJson(MAPPER.createObjectNode(), r.holdout()));
        }
        ArrayNode segs = res.putArray("rfm_segments");
        for (Rfm.Segment sg : r.rfm().segments()) {
            segs.addObject().put("key", sg.key()).put("name", sg.name()).put("customers", sg.customers())
                    .put("customer_share", sg.customerShare()).put("revenue", sg.revenue()).put("revenue_share", sg.revenueShare());
        }
        ArrayNode w = res.putArray("warnings");
        for (ClvResult.Warning x : r.warnings()) {
            ObjectNode wn = w.addObject().put("key", x.key());
            writeArgs(wn.putArray("args"), x.args());
        }
        return new Artifact(KIND, name, datasetName, MAPPER.writeValueAsString(opt), MAPPER.writeValueAsString(res), null, Instant.now());
    }

    /** Holdout metrics and the calibration-vs-holdout table as snake_case JSON (shared with the CLI). */
    public static ObjectNode holdoutJson(ObjectNode n, Validation.Holdout h) {
        Validation.HoldoutMetrics m = h.metrics();
        n.put("customers", m.customers());
        n.put("holdout_length", m.holdoutLength());
        n.put("actual_total", m.actualTotal());
        n.put("predicted_total", m.predictedTotal());
        n.put("baseline_total", m.baselineTotal());
        n.put("mae", m.mae());
        n.put("rmse", m.rmse());
        n.put("baseline_mae", m.baselineMae());
        n.put("baseline_rmse", m.baselineRmse());
        ArrayNode rows = n.putArray("by_frequency");
        for (Validation.CalibrationHoldoutRow row : h.byFrequency()) {
            rows.addObject().put("frequency", row.frequency()).put("and_above", row.andAbove()).put("customers", row.customers())
                    .put("actual_mean", row.actualMean()).put("predicted_mean", row.predictedMean());
        }
        return n;
    }

    /** A fit as snake_case JSON; NaN standard errors are written as null. */
    public static ObjectNode fitJson(ModelFit f) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("model", f.model());
        ObjectNode ps = n.putObject("parameters");
        for (int i = 0; i < f.names().size(); i++) {
            ObjectNode p = ps.putObject(f.names().get(i));
            p.put("value", f.values()[i]);
            putDouble(p, "standard_error", f.standardErrors()[i]);
        }
        n.put("log_likelihood", f.logLikelihood());
        n.put("customers", f.customers());
        n.put("penalty", f.penalty());
        n.put("converged", f.converged());
        n.put("iterations", f.iterations());
        putDouble(n, "gradient_norm", f.gradientNorm());
        n.put("message_key", f.messageKey());
        n.put("message", f.message());
        writeArgs(n.putArray("message_args"), f.messageArgs());
        return n;
    }

    /** Message arguments: counts as JSON numbers, the rest as text. */
    private static void writeArgs(ArrayNode a, List<Object> args) {
        for (Object x : args) {
            switch (x) {
                case Long l -> a.add(l);
                case Number d -> a.add(d.doubleValue());
                default -> a.add(String.valueOf(x));
            }
        }
    }

    /**
     * Message arguments written by {@link #writeArgs}. Artifacts saved before counts were stored as numbers hold
     * them as text; those are read back as numbers where the message formats them as numbers, so they still format.
     */
    private static List<Object> readArgs(JsonNode a, String key) {
        Format[] formats = key == null ? new Format[0]
                : new MessageFormat(I18n.tr(Locale.ENGLISH, key), Locale.ENGLISH).getFormatsByArgumentIndex();
        List<Object> args = new ArrayList<>();
        for (JsonNode y : a) {
            int i = args.size();
            if (y.isIntegralNumber()) args.add(y.asLong());
            else if (y.isNumber()) args.add(y.asDouble());
            else {
                String s = y.asString();
                boolean count = i < formats.length && formats[i] instanceof NumberFormat && s.matches("-?\\d{1,18}");
                if (count) args.add(Long.parseLong(s)); else args.add(s);
            }
        }
        return args;
    }

    private static void putDouble(ObjectNode n, String key, double v) {
        if (Double.isFinite(v)) n.put(key, v); else n.putNull(key);
    }

    public static Saved fromArtifact(Artifact a) {
        if (!KIND.equals(a.kind())) throw new IllegalArgumentException("not a CLV artifact: " + a.kind());
        try {
            return read(a);
        } catch (UserException e) {
            throw e;
        } catch (RuntimeException e) {
            // a project edited by hand or damaged on disk: say so in words, the decoder's text stays in the cause
            throw new UserException(e, "clv.error.artifactDamaged", a.name());
        }
    }

    private static Saved read(Artifact a) {
        JsonNode o = MAPPER.readTree(a.optionsJson());
        JsonNode r = MAPPER.readTree(a.resultJson());
        SummaryOptions so = new SummaryOptions(text(o, "customer_column"), text(o, "date_column"), text(o, "amount_column"),
                text(o, "quantity_column"), TimeUnit.fromKey(text(o, "time_unit")), LocalDate.parse(text(o, "calibration_end")),
                text(o, "holdout_end") == null ? null : LocalDate.parse(text(o, "holdout_end")), ReturnsPolicy.fromKey(text(o, "returns")),
                o.path("amount_is_unit_price").asBoolean(false));
        List<RfmRule> rules = new ArrayList<>();
        for (JsonNode x : o.get("rfm_rules")) {
            rules.add(new RfmRule(text(x, "key"), text(x, "name"), x.get("r_min").asInt(), x.get("r_max").asInt(),
                    x.get("f_min").asInt(), x.get("f_max").asInt(), x.get("m_min").asInt(), x.get("m_max").asInt()));
        }
        ClvOptions co = new ClvOptions(FrequencyModel.fromKey(text(o, "model")), o.get("horizon_months").asDouble(),
                o.get("discount_rate").asDouble(), new FitOptions(o.get("penalty").asDouble(), o.get("max_iterations").asInt(), null), rules);
        SummaryReport rep = null;
        JsonNode rn = r.get("report");
        if (rn != null && !rn.isNull()) {
            rep = new SummaryReport(rn.get("rows").asLong(), rn.get("rows_missing").asLong(), rn.get("rows_zero").asLong(),
                    rn.get("rows_negative").asLong(), rn.get("rows_negative_dropped").asLong(), rn.get("rows_after_end").asLong(),
                    rn.get("rows_same_day").asLong(), rn.get("return_days").asLong(), rn.get("customers").asInt(),
                    rn.get("customers_only_in_holdout").asInt(), rn.get("customers_no_repeat").asInt(),
                    ReturnsPolicy.fromKey(text(rn, "returns")));
        }
        Validation.HoldoutMetrics hm = null;
        List<Validation.CalibrationHoldoutRow> rows = new ArrayList<>();
        JsonNode h = r.get("holdout");
        if (h != null && !h.isNull()) {
            hm = new Validation.HoldoutMetrics(h.get("customers").asInt(), h.get("holdout_length").asDouble(),
                    h.get("actual_total").asDouble(), h.get("predicted_total").asDouble(), h.get("baseline_total").asDouble(),
                    h.get("mae").asDouble(), h.get("rmse").asDouble(), h.get("baseline_mae").asDouble(), h.get("baseline_rmse").asDouble());
            for (JsonNode x : h.get("by_frequency")) {
                rows.add(new Validation.CalibrationHoldoutRow(x.get("frequency").asInt(), x.get("and_above").asBoolean(),
                        x.get("customers").asInt(), x.get("actual_mean").asDouble(), x.get("predicted_mean").asDouble()));
            }
        }
        List<Rfm.Segment> segs = new ArrayList<>();
        for (JsonNode x : r.get("rfm_segments")) {
            segs.add(new Rfm.Segment(text(x, "key"), text(x, "name"), x.get("customers").asInt(), x.get("customer_share").asDouble(),
                    x.get("revenue").asDouble(), x.get("revenue_share").asDouble()));
        }
        List<ClvResult.Warning> ws = new ArrayList<>();
        for (JsonNode x : r.get("warnings")) {
            ws.add(new ClvResult.Warning(text(x, "key"), readArgs(x.get("args"), text(x, "key"))));
        }
        JsonNode corr = r.get("frequency_monetary_correlation");
        return new Saved(so, co, readFit(r.get("frequency_model")), r.has("gamma_gamma") ? readFit(r.get("gamma_gamma")) : null,
                rep, r.get("customers").asInt(), r.get("repeat_customers").asInt(),
                corr == null || corr.isNull() ? Double.NaN : corr.asDouble(), hm, rows, segs, ws);
    }

    private static ModelFit readFit(JsonNode n) {
        List<String> names = new ArrayList<>();
        List<Double> vals = new ArrayList<>(), ses = new ArrayList<>();
        for (var e : n.get("parameters").properties()) {
            names.add(e.getKey());
            vals.add(e.getValue().get("value").asDouble());
            JsonNode se = e.getValue().get("standard_error");
            ses.add(se == null || se.isNull() ? Double.NaN : se.asDouble());
        }
        List<Object> args = readArgs(n.get("message_args"), text(n, "message_key"));
        JsonNode g = n.get("gradient_norm");
        return new ModelFit(text(n, "model"), names, vals.stream().mapToDouble(Double::doubleValue).toArray(),
                ses.stream().mapToDouble(Double::doubleValue).toArray(), n.get("log_likelihood").asDouble(),
                n.get("customers").asInt(), n.get("penalty").asDouble(), n.get("converged").asBoolean(),
                n.get("iterations").asInt(), g == null || g.isNull() ? Double.NaN : g.asDouble(), text(n, "message_key"), args);
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? null : v.asString();
    }
}
