package io.segmenta.core.campaign;

import java.util.List;

/**
 * Results per arm ready for {@link AbAnalysis}.
 *
 * @param arms        one entry per arm, in arm order
 * @param segmentArms one entry per segment × arm (empty when the data has no segments)
 * @param join        how the join to a campaign list went, or null when the results carried their own arms
 */
public record AbData(List<ArmCounts> arms, List<ArmCounts> segmentArms, Join join) {
    public AbData {
        arms = List.copyOf(arms);
        segmentArms = List.copyOf(segmentArms);
    }

    /**
     * @param listed      customers on the list
     * @param matched     of them, with a result row
     * @param resultsOnly result rows whose id is not on the list (ignored)
     */
    public record Join(int listed, int matched, int resultsOnly) { }
}
