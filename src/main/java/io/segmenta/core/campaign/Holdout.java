package io.segmenta.core.campaign;

import io.segmenta.core.util.UserException;

/**
 * The control group held out of the mailing: none, a share of the list, or a number of customers.
 *
 * @param share share of the list size in [0, 1), used when {@code count} is negative
 * @param count number of customers, or −1 when the holdout is a share
 */
public record Holdout(double share, int count) {
    public static final Holdout NONE = new Holdout(0, 0);

    public Holdout {
        if (count < -1) throw new UserException("campaign.def.badHoldoutCount", count);
        if (count == -1 && !(share >= 0 && share < 1)) throw new UserException("campaign.def.badHoldoutShare", share);
        if (count >= 0) share = 0;
    }

    public static Holdout share(double share) { return new Holdout(share, -1); }

    public static Holdout count(int count) {
        if (count < 0) throw new UserException("campaign.def.badHoldoutCount", count);
        return new Holdout(0, count);
    }

    public boolean isShare() { return count < 0; }

    /** Customers held out of a list of {@code size}: the share rounded half up, or the count. */
    public int sizeFor(int size) { return isShare() ? (int) Math.floor(share * size + 0.5) : count; }

    /**
     * Parses the CLI/GUI text: a decimal ("0.1") or percentage ("10%") is a share; a whole number ("100") a
     * count.
     */
    public static Holdout parse(String text) {
        if (text == null || text.isBlank()) return NONE;
        String s = text.strip();
        try {
            if (s.endsWith("%")) return share(Double.parseDouble(s.substring(0, s.length() - 1).strip()) / 100.0);
            if (s.contains(".") || s.contains(",")) return share(Double.parseDouble(s.replace(',', '.')));
            return count(Integer.parseInt(s));
        } catch (NumberFormatException e) {
            throw new UserException("campaign.def.badHoldoutText", text);
        }
    }

    @Override
    public String toString() { return isShare() ? share * 100 + "%" : Integer.toString(count); }
}
