package io.segmenta.core.eda;

import io.segmenta.core.util.I18n;

import java.util.List;
import java.util.Locale;

/**
 * Something about a column the user can act on, with a translated explanation.
 *
 * @param kind what was found
 * @param key  message key of the explanation (bundle io.segmenta.i18n.eda)
 * @param args message arguments
 */
public record Flag(Kind kind, String key, List<Object> args) {
    public Flag {
        args = List.copyOf(args);
    }

    /** The kinds of flags, with the thresholds in {@link ColumnProfiler}. */
    public enum Kind {
        /** At most one distinct value. */
        CONSTANT,
        /** One value makes up at least {@link ColumnProfiler#NEAR_CONSTANT_SHARE} of the values. */
        NEAR_CONSTANT,
        /** A categorical or text column with more than {@link ColumnProfiler#HIGH_CARDINALITY_LEVELS} levels. */
        HIGH_CARDINALITY,
        /** Looks like an identifier ({@link io.segmenta.core.data.Column#idLike()}). */
        ID_LIKE,
        /** More than {@link ColumnProfiler#MOSTLY_MISSING_SHARE} of the rows are missing. */
        MOSTLY_MISSING,
        /** |skewness| above {@link ColumnProfiler#SKEW_THRESHOLD}. */
        SKEWED,
        /** Predicts the binary target alone with ROC AUC at least {@link ColumnProfiler#LEAKAGE_AUC}. */
        LEAKAGE,
        /** A date or date-time column with values after today (a typo such as 2099, or a placeholder). */
        FUTURE_DATES;

        /** Stable lower-case name used in JSON ("near_constant"). */
        public String key() { return name().toLowerCase(Locale.ROOT); }
    }

    /** The explanation in the application's language. */
    public String message() { return I18n.tr(key, args.toArray()); }

    /** The explanation in the given language. */
    public String message(Locale locale) { return I18n.tr(locale, key, args.toArray()); }
}
