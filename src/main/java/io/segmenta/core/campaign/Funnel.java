package io.segmenta.core.campaign;

/**
 * How many rows survived each eligibility step (see {@link CampaignDefinition}).
 *
 * @param sourceRows       rows in the dataset
 * @param afterFilter      after the row conditions
 * @param afterScore       after score ≥ minimum
 * @param afterTier        after the tier set
 * @param missingIdOrSegment rows dropped for a missing id or segment
 * @param suppressed       rows excluded because their id is in the suppression list
 * @param afterTopN        after top N: the eligible population
 * @param suppressionUnmatched ids on the suppression list that are no customer's id anywhere in the dataset
 *                         (customers gone from the data, or ids written another way: e-mails for customer numbers)
 */
public record Funnel(int sourceRows, int afterFilter, int afterScore, int afterTier, int missingIdOrSegment,
                     int suppressed, int afterTopN, int suppressionUnmatched) {
    public Funnel(int sourceRows, int afterFilter, int afterScore, int afterTier, int missingIdOrSegment, int suppressed, int afterTopN) {
        this(sourceRows, afterFilter, afterScore, afterTier, missingIdOrSegment, suppressed, afterTopN, 0);
    }

    public int population() { return afterTopN; }

    /**
     * A warning when ids to suppress match no customer: all of them (nobody was excluded — most likely the wrong
     * column or file) or some; null when every id matched or there was no list.
     */
    public String suppressionWarning(int listSize, String idColumn) {
        if (suppressionUnmatched <= 0) return null;
        return suppressionUnmatched >= listSize
                ? io.segmenta.core.util.I18n.tr("campaign.warn.suppressionNoneMatched", listSize, idColumn)
                : io.segmenta.core.util.I18n.tr("campaign.warn.suppressionSomeUnmatched", suppressionUnmatched, listSize, idColumn);
    }
}
