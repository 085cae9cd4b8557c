package io.segmenta.core.campaign;

import io.segmenta.core.eda.RowFilter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/** JSON (snake_case) of campaign definitions, funnels and counts, shared by the artifact and the manifest. */
public final class CampaignJson {
    static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private CampaignJson() { }

    /** The definition with the suppressed ids. */
    public static ObjectNode definition(CampaignDefinition d) { return definition(d, true); }

    /** The definition; without the suppressed ids themselves (only source and count) when {@code withIds} is false. */
    public static ObjectNode definition(CampaignDefinition d, boolean withIds) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("dataset", d.datasetName());
        ArrayNode f = n.putArray("filters");
        d.filter().expressions().forEach(f::add);
        n.put("score_column", d.scoreColumn());
        if (d.minScore() == null) n.putNull("min_score"); else n.put("min_score", d.minScore().doubleValue());
        n.put("tier_column", d.tierColumn());
        ArrayNode t = n.putArray("tiers");
        d.tiers().forEach(t::add);
        if (d.topN() == null) n.putNull("top_n"); else n.put("top_n", d.topN().intValue());
        n.put("top_by", d.topBy());
        n.put("segment_column", d.segmentColumn());
        n.put("id_column", d.idColumn());
        ObjectNode s = n.putObject("suppression");
        s.put("source", d.suppression().source());
        s.put("count", d.suppression().ids().size());
        if (withIds) {
            ArrayNode ids = s.putArray("ids");
            d.suppression().ids().forEach(ids::add);
        }
        n.put("sample_size", d.sampleSize());
        ArrayNode c = n.putArray("creatives");
        d.creativeNames().forEach(c::add);
        n.put("allocation", d.allocation().key());
        ObjectNode h = n.putObject("holdout");
        if (d.holdout().isShare()) h.put("share", d.holdout().share()); else h.put("count", d.holdout().count());
        h.put("size", d.holdoutSize());
        n.put("seed", d.seed());
        return n;
    }

    public static CampaignDefinition definition(JsonNode n) {
        List<String> filters = strings(n.path("filters"));
        List<String> ids = strings(n.path("suppression").path("ids"));
        JsonNode h = n.path("holdout");
        Holdout holdout = h.has("share") ? Holdout.share(h.path("share").doubleValue()) : Holdout.count(h.path("count").intValue());
        return new CampaignDefinition(n.path("dataset").stringValue(), RowFilter.parse(filters), text(n.path("score_column")),
                n.path("min_score").isNumber() ? n.path("min_score").doubleValue() : null, text(n.path("tier_column")),
                strings(n.path("tiers")), n.path("top_n").isNumber() ? n.path("top_n").intValue() : null, text(n.path("top_by")),
                text(n.path("segment_column")), text(n.path("id_column")),
                new Suppression(n.path("suppression").path("source").stringValue(""), ids), n.path("sample_size").intValue(),
                strings(n.path("creatives")), Allocation.fromKey(n.path("allocation").stringValue()), holdout,
                n.path("seed").longValue());
    }

    public static ObjectNode funnel(Funnel f) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("source_rows", f.sourceRows());
        n.put("after_filter", f.afterFilter());
        n.put("after_score", f.afterScore());
        n.put("after_tier", f.afterTier());
        n.put("missing_id_or_segment", f.missingIdOrSegment());
        n.put("suppressed", f.suppressed());
        n.put("population", f.afterTopN());
        n.put("suppression_unmatched", f.suppressionUnmatched());
        return n;
    }

    public static Funnel funnel(JsonNode n) {
        return new Funnel(n.path("source_rows").intValue(), n.path("after_filter").intValue(), n.path("after_score").intValue(),
                n.path("after_tier").intValue(), n.path("missing_id_or_segment").intValue(), n.path("suppressed").intValue(),
                n.path("population").intValue(), 
                n.path("suppression_unmatched").isNumber() ? n.path("suppression_unmatched").intValue() : 0);
    }

    public static ArrayNode counts(List<CellCount> counts) {
        ArrayNode a = MAPPER.createArrayNode();
        for (CellCount c : counts) {
            a.addObject().put("segment", c.segment()).put("creative", c.creative()).put("group", c.group().key()).put("count", c.count());
        }
        return a;
    }

    private static String text(JsonNode n) { return n == null || n.isNull() || n.isMissingNode() ? null : n.stringValue(); }

    private static List<String> strings(JsonNode a) {
        List<String> out = new ArrayList<>();
        for (JsonNode x : a) out.add(x.stringValue());
        return out;
    }
}
