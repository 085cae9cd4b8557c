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
 */
public record Funnel(int sourceRows, int afterFilter, int afterScore, int afterTier, int missingIdOrSegment,
                     int suppressed, int afterTopN) {
    public int population() { return afterTopN; }
}
