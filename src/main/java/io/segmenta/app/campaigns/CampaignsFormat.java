package io.segmenta.app.campaigns;

import io.segmenta.app.ui.Formats;
import io.segmenta.core.util.I18n;

import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;

/** Numbers of the Campaigns section in the user's locale; "–" for a value the data cannot give. */
public final class CampaignsFormat {
    public static final String NONE = "–";

    /** Decimals of the rate columns of the A/B tables (open rate, CTR, conversion, intervals): "37.78%". */
    public static final int RATE_DIGITS = 2;
    /** Decimals of the ROI columns of the A/B tables: "1,996.3%". */
    public static final int ROI_DIGITS = 1;
    /** Decimals of the probability columns of the Bayesian table (chance to be best, to beat the control): "95.1%". */
    public static final int PROBABILITY_DIGITS = 1;

    private CampaignsFormat() { }

    public static String integer(long n) { return Formats.integer(n); }

    public static String percent(Double share) {
        if (share == null || share.isNaN() || share.isInfinite()) return NONE;
        NumberFormat f = NumberFormat.getPercentInstance(I18n.locale());
        f.setMaximumFractionDigits(2);
        f.setMinimumFractionDigits(1);
        return f.format(share);
    }

    /**
     * A share as a percentage with exactly {@code digits} decimals, so that the numbers of a table column line up
     * ("40.00%" under "37.78%", "40,00 %" in Spanish); "–" when the data cannot give it.
     */
    public static String percent(Double share, int digits) {
        if (share == null || share.isNaN() || share.isInfinite()) return NONE;
        NumberFormat f = NumberFormat.getPercentInstance(I18n.locale());
        f.setMaximumFractionDigits(digits);
        f.setMinimumFractionDigits(digits);
        // "-0.00%" would read as a loss: a value that rounds to zero is shown without a sign
        return f.format(Math.abs(share) * Math.pow(10, digits + 2) < 0.5 ? 0.0 : share);
    }

    /** A rate column of the A/B tables, with {@link #RATE_DIGITS} decimals. */
    public static String rate(Double share) { return percent(share, RATE_DIGITS); }

    /** An ROI column of the A/B tables, with {@link #ROI_DIGITS} decimal. */
    public static String roi(Double share) { return percent(share, ROI_DIGITS); }

    public static String decimal(Double v, int digits) {
        if (v == null || v.isNaN() || v.isInfinite()) return NONE;
        NumberFormat f = NumberFormat.getNumberInstance(I18n.locale());
        f.setMaximumFractionDigits(digits);
        f.setMinimumFractionDigits(digits);
        return f.format(v);
    }

    /** A p-value: 4 decimals, or "&lt; 0.0001". */
    public static String pValue(double p) {
        if (Double.isNaN(p)) return NONE;
        if (p < 1e-4) return "< " + decimal(1e-4, 4);
        return decimal(p, 4);
    }

    /**
     * A number typed by the user, in the locale's format or with a decimal point; null when blank or not a
     * number. A trailing "%" divides by 100.
     */
    public static Double parse(String text) {
        if (text == null || text.isBlank()) return null;
        String s = text.strip().replace('\u00a0', ' ').replace(" ", "");
        boolean pct = s.endsWith("%");
        if (pct) s = s.substring(0, s.length() - 1);
        Double v = parseIn(s, I18n.locale());
        if (v == null) {
            // thousands written with the locale's grouping ("10.000" in Spanish); otherwise a decimal point
            char group = java.text.DecimalFormatSymbols.getInstance(I18n.locale()).getGroupingSeparator();
            String g = java.util.regex.Pattern.quote(String.valueOf(group));
            v = s.matches("\\d{1,3}(" + g + "\\d{3})+") ? parseIn(s.replace(String.valueOf(group), ""), Locale.ROOT) : parseIn(s, Locale.ROOT);
        }
        if (v == null) return null;
        return pct ? v / 100.0 : v;
    }

    private static Double parseIn(String s, Locale l) {
        NumberFormat f = NumberFormat.getNumberInstance(l);
        f.setGroupingUsed(false);
        ParsePosition pos = new ParsePosition(0);
        Number n = f.parse(s, pos);
        if (n == null || pos.getIndex() != s.length()) return null;
        return n.doubleValue();
    }
}
