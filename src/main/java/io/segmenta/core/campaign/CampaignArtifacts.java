package io.segmenta.core.campaign;

import io.segmenta.core.project.Artifact;
import io.segmenta.core.util.UserException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * A {@link CampaignList} as a project {@link Artifact} of kind {@value #KIND} and back.
 * <ul>
 *   <li>options JSON: the {@link CampaignDefinition} (snake_case, with the suppressed ids);</li>
 *   <li>result JSON: source hash, funnel, segments with their populations, counts and totals;</li>
 *   <li>payload: deflate-compressed: magic, version, count, then per customer the id (modified UTF-8), the
 *       source row, the segment index, the creative index (−1 for the holdout) and the group.</li>
 * </ul>
 */
public final class CampaignArtifacts {
    public static final String KIND = "campaign";
    private static final int MAGIC = 0x53474341; // "SGCA"
    private static final int VERSION = 1;

    private CampaignArtifacts() { }

    /** @throws UserException campaign.error.blankName when {@code name} is empty or blank */
    public static Artifact toArtifact(CampaignList list, String name, Instant createdAt) {
        if (name == null || name.isBlank()) throw new UserException("campaign.error.blankName");
        ObjectNode r = CampaignJson.MAPPER.createObjectNode();
        r.put("source_hash", list.sourceHash());
        r.put("seed", list.seed());
        r.set("funnel", CampaignJson.funnel(list.funnel()));
        ArrayNode segs = r.putArray("segments");
        for (int i = 0; i < list.segments().size(); i++) {
            segs.addObject().put("label", list.segments().get(i)).put("population", list.segmentPopulation().get(i));
        }
        r.set("counts", CampaignJson.counts(list.counts()));
        r.put("treatment", list.treatmentCount());
        r.put("holdout", list.holdoutCount());
        return new Artifact(KIND, name, list.datasetName(), CampaignJson.MAPPER.writeValueAsString(CampaignJson.definition(list.definition())),
                CampaignJson.MAPPER.writeValueAsString(r), payload(list), createdAt);
    }

    /** @throws UserException campaign.error.badArtifact when the artifact is not a readable campaign list */
    public static CampaignList fromArtifact(Artifact a) {
        if (!KIND.equals(a.kind())) throw new UserException("campaign.error.badArtifact", a.name(), "kind " + a.kind());
        try {
            CampaignDefinition def = CampaignJson.definition(CampaignJson.MAPPER.readTree(a.optionsJson()));
            JsonNode r = CampaignJson.MAPPER.readTree(a.resultJson());
            List<String> segments = new ArrayList<>();
            List<Integer> pops = new ArrayList<>();
            for (JsonNode s : r.path("segments")) {
                segments.add(s.path("label").stringValue());
                pops.add(s.path("population").intValue());
            }
            List<Assignment> as = readPayload(a.payload(), segments, def.creativeNames());
            return new CampaignList(def, r.path("source_hash").stringValue(), CampaignJson.funnel(r.path("funnel")), segments, pops, as);
        } catch (UserException e) {
            throw e;
        } catch (RuntimeException | IOException e) {
            // a project edited by hand or damaged on disk: say so in words, the decoder's text stays in the cause
            throw new UserException(e, "campaign.error.artifactDamaged", a.name());
        }
    }

    private static byte[] payload(CampaignList list) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<String> creatives = list.definition().creativeNames();
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(list.size());
            for (Assignment a : list.assignments()) {
                out.writeUTF(a.id());
                out.writeInt(a.row());
                out.writeInt(list.segments().indexOf(a.segment()));
                out.writeInt(a.creative() == null ? -1 : creatives.indexOf(a.creative()));
                out.writeByte(a.group().ordinal());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    private static List<Assignment> readPayload(byte[] payload, List<String> segments, List<String> creatives) throws IOException {
        if (payload == null) throw new IOException("no assignments");
        try (DataInputStream in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(payload)))) {
            if (in.readInt() != MAGIC) throw new IOException("not a campaign payload");
            int v = in.readInt();
            if (v != VERSION) throw new IOException("payload version " + v);
            int n = in.readInt();
            List<Assignment> out = new ArrayList<>(n);
            Group[] groups = Group.values();
            for (int i = 0; i < n; i++) {
                String id = in.readUTF();
                int row = in.readInt();
                int s = in.readInt();
                int c = in.readInt();
                Group g = groups[in.readByte()];
                out.add(new Assignment(id, row, segments.get(s), c < 0 ? null : creatives.get(c), g));
            }
            return out;
        }
    }
}
