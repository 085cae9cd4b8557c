package io.segmenta.core.model;

import io.segmenta.core.project.Artifact;
import io.segmenta.core.util.I18n;
import io.segmenta.core.util.UserException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How scores become tiers and recommended actions. Four tiers, from the best (most urgent) down: a score at
 * or above {@code cutoffs[0]} is tier 1, at or above {@code cutoffs[1]} tier 2, at or above {@code cutoffs[2]}
 * tier 3, else tier 4. For {@link Use#LTV} the cut-offs are quantiles of the scored values (0.9 = the top
 * 10 %), otherwise probabilities. Editable; the defaults are the marketing team's.
 * <p>
 * The policy a user chose for a model is kept in the project as an {@link Artifact} of kind
 * {@value #ARTIFACT_KIND} named like the model, with the policy as data-only JSON in its options
 * ({@code {"use":"churn","cutoffs":[0.9,0.7,0.5]}}); a model without one scores with {@link #defaultFor}.
 *
 * @param use     what the model predicts
 * @param cutoffs three descending cut-offs
 */
public record ScoringPolicy(Use use, List<Double> cutoffs) {

    /** Kinds of scores with their own tiers and actions. */
    public enum Use {
        /** Churn probability: immediate intervention, retention campaign, nurturing, monitoring. */
        CHURN,
        /** Purchase intent or conversion: personalised offer, nurturing, educational content, brand awareness. */
        PURCHASE,
        /** Lifetime value: Premium, Gold, Silver, Bronze by quantile. */
        LTV;

        public String key() { return name().toLowerCase(Locale.ROOT); }

        public static Use fromKey(String k) {
            for (Use u : values()) if (u.key().equalsIgnoreCase(k.strip())) return u;
            throw new UserException("model.score.badUse", k);
        }
    }

    private static final String[][] TIERS = {
            {"critical", "high", "medium", "low"},
            {"hot", "warm", "lukewarm", "cold"},
            {"premium", "gold", "silver", "bronze"},
    };
    private static final String[][] ACTIONS = {
            {"immediate", "retention", "nurturing", "monitoring"},
            {"offer", "nurturing", "education", "awareness"},
            {"vip", "loyalty", "upsell", "standard"},
    };

    public ScoringPolicy {
        cutoffs = List.copyOf(cutoffs);
        if (cutoffs.size() != 3) throw new UserException("model.score.badCutoffs", cutoffs.toString());
        for (int i = 0; i < 3; i++) {
            double c = cutoffs.get(i);
            if (!(c >= 0 && c <= 1) || (i > 0 && c > cutoffs.get(i - 1))) {
                throw new UserException("model.score.badCutoffs", cutoffs.toString());
            }
        }
    }

    public static ScoringPolicy churn() { return new ScoringPolicy(Use.CHURN, List.of(0.9, 0.7, 0.5)); }

    public static ScoringPolicy purchase() { return new ScoringPolicy(Use.PURCHASE, List.of(0.8, 0.6, 0.4)); }

    /** Premium = top 10 %, Gold = next 20 %, Silver = next 30 %, Bronze = the rest. */
    public static ScoringPolicy ltv() { return new ScoringPolicy(Use.LTV, List.of(0.9, 0.7, 0.4)); }

    public static ScoringPolicy defaults(Use use) {
        return switch (use) {
            case CHURN -> churn();
            case PURCHASE -> purchase();
            case LTV -> ltv();
        };
    }

    /** The default for a model: LTV for regression, churn when the target is named like churn, else purchase. */
    public static ScoringPolicy defaultFor(TrainedModel m) {
        if (m.task() == Task.REGRESSION) return ltv();
        String t = m.info().target().column().toLowerCase(Locale.ROOT);
        boolean churn = t.contains("churn") || t.contains("attrition") || t.contains("cancel") || t.contains("baja")
                || t.contains("abandon");
        return churn ? churn() : purchase();
    }

    public ScoringPolicy withCutoffs(List<Double> c) { return new ScoringPolicy(use, c); }

    /** Kind of the project artifact that holds the policy chosen for a model (named like the model). */
    public static final String ARTIFACT_KIND = "scoring-policy";

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** The policy as JSON: {@code {"use":"churn","cutoffs":[0.9,0.7,0.5]}}. */
    public String toJson() {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("use", use.key());
        ArrayNode c = o.putArray("cutoffs");
        for (double x : cutoffs) c.add(x);
        return MAPPER.writeValueAsString(o);
    }

    /** Reads {@link #toJson()}; a malformed or invalid policy is a {@link UserException}. */
    public static ScoringPolicy fromJson(String json) {
        JsonNode o;
        try {
            o = json == null ? null : MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new UserException("model.score.badPolicy", String.valueOf(json));
        }
        if (o == null || !o.isObject() || !o.path("use").isString() || !o.path("cutoffs").isArray()) {
            throw new UserException("model.score.badPolicy", String.valueOf(json));
        }
        List<Double> c = new ArrayList<>();
        for (JsonNode x : o.get("cutoffs")) {
            if (!x.isNumber()) throw new UserException("model.score.badPolicy", String.valueOf(json));
            c.add(x.asDouble());
        }
        return new ScoringPolicy(Use.fromKey(o.get("use").asString()), c);
    }

    /** The project artifact holding this policy for model {@code modelName} trained on {@code datasetName}. */
    public Artifact toArtifact(String modelName, String datasetName) {
        return new Artifact(ARTIFACT_KIND, modelName, datasetName, toJson(), null, null, null);
    }

    /** The policy of an artifact made by {@link #toArtifact}; a foreign or invalid one is a {@link UserException}. */
    public static ScoringPolicy fromArtifact(Artifact a) {
        if (!ARTIFACT_KIND.equals(a.kind())) throw new UserException("model.score.badPolicy", a.kind());
        return fromJson(a.optionsJson());
    }

    /** Message key of tier {@code i} (0 = best). */
    public String tierKey(int i) { return "model.tier." + use.key() + "." + TIERS[use.ordinal()][i]; }

    /** Message key of the action of tier {@code i}. */
    public String actionKey(int i) { return "model.action." + use.key() + "." + ACTIONS[use.ordinal()][i]; }

    public String tierName(int i, Locale l) { return I18n.tr(l, tierKey(i)); }

    public String actionName(int i, Locale l) { return I18n.tr(l, actionKey(i)); }
}
