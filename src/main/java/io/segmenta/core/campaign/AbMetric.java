package io.segmenta.core.campaign;

import io.segmenta.core.util.I18n;

import java.util.Locale;

/**
 * A binary outcome compared between arms. Tests and posteriors use the share of the arm's customers (sends)
 * with the outcome, so bounces that differ by creative cannot bias the comparison and a holdout (not sent)
 * can be compared on outcomes it can have without an e-mail: clicks/visits and conversions, not opens.
 */
public enum AbMetric {
    OPEN(false), CLICK(true), CONVERSION(true);

    private final boolean possibleWithoutSend;

    AbMetric(boolean possibleWithoutSend) { this.possibleWithoutSend = possibleWithoutSend; }

    /** Whether a holdout can have this outcome (so comparing against it makes sense). */
    public boolean possibleWithoutSend() { return possibleWithoutSend; }

    public String key() { return name().toLowerCase(Locale.ROOT); }

    /** The metric's name for people in the current language ("conversion rate"), from {@code campaign.metric.<key>}. */
    public String label() { return I18n.tr("campaign.metric." + key()); }

    public static AbMetric fromKey(String k) {
        String s = k.strip().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "open", "opens", "opened" -> OPEN;
            case "click", "clicks", "clicked", "visit", "visits" -> CLICK;
            case "conversion", "conversions", "converted", "purchase" -> CONVERSION;
            default -> throw new io.segmenta.core.util.UserException("campaign.ab.badMetric", k);
        };
    }
}
