package io.segmenta.core.campaign;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A built campaign list: the definition (with its seed), a SHA-256 hash of the eligible source rows, how the
 * eligibility funnel went, the segments with their eligible populations, and the assignments. Rebuilding from
 * the same data with the same definition gives the same hash and the same assignments
 * ({@link CampaignBuilder#rebuild}).
 *
 * @param definition  what was asked for
 * @param sourceHash  SHA-256 (hex) of the eligible rows' id and segment, in id order
 * @param funnel      eligibility counts
 * @param segments    segment labels in list order (numeric labels numerically, others alphabetically)
 * @param segmentPopulation eligible customers per segment, parallel to {@code segments}
 * @param assignments customers on the list: segment by segment, in random order within a segment
 */
public record CampaignList(CampaignDefinition definition, String sourceHash, Funnel funnel, List<String> segments,
                           List<Integer> segmentPopulation, List<Assignment> assignments) {

    public CampaignList {
        segments = List.copyOf(segments);
        segmentPopulation = List.copyOf(segmentPopulation);
        assignments = List.copyOf(assignments);
    }

    public long seed() { return definition.seed(); }

    public String datasetName() { return definition.datasetName(); }

    public int size() { return assignments.size(); }

    /** Customers per segment × creative × group, segments in order, creatives in order, then the holdout;
     *  cells that may receive customers are listed even when empty. */
    public List<CellCount> counts() {
        Map<String, int[]> bySegment = new LinkedHashMap<>();
        List<String> creatives = definition.creativeNames();
        for (String s : segments) bySegment.put(s, new int[creatives.size() + 1]);
        Map<String, Integer> creativeIndex = new LinkedHashMap<>();
        for (int i = 0; i < creatives.size(); i++) creativeIndex.put(creatives.get(i), i);
        for (Assignment a : assignments) {
            int[] cells = bySegment.get(a.segment());
            cells[a.group() == Group.HOLDOUT ? creatives.size() : creativeIndex.get(a.creative())]++;
        }
        List<CellCount> out = new ArrayList<>();
        int si = 0;
        for (Map.Entry<String, int[]> e : bySegment.entrySet()) {
            int[] cells = e.getValue();
            for (int c = 0; c < creatives.size(); c++) {
                boolean possible = definition.allocation() == Allocation.STRATIFIED || c == si;
                if (possible || cells[c] > 0) out.add(new CellCount(e.getKey(), creatives.get(c), Group.TREATMENT, cells[c]));
            }
            if (definition.holdoutSize() > 0 || cells[creatives.size()] > 0) {
                out.add(new CellCount(e.getKey(), null, Group.HOLDOUT, cells[creatives.size()]));
            }
            si++;
        }
        return out;
    }

    /** Customers per creative (treatment only), in creative order. */
    public Map<String, Integer> creativeTotals() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (String c : definition.creativeNames()) m.put(c, 0);
        for (Assignment a : assignments) if (a.group() == Group.TREATMENT) m.merge(a.creative(), 1, Integer::sum);
        return m;
    }

    public int holdoutCount() { return (int) assignments.stream().filter(a -> a.group() == Group.HOLDOUT).count(); }

    public int treatmentCount() { return size() - holdoutCount(); }
}
