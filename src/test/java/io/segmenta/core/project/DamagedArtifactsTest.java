package io.segmenta.core.project;

import io.segmenta.core.campaign.CampaignArtifacts;
import io.segmenta.core.clv.ClvArtifacts;
import io.segmenta.core.segment.SegmentationArtifacts;
import io.segmenta.core.util.UserException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Saved results damaged in a project file: a sentence saying so, never the decoder's own text. */
class DamagedArtifactsTest {
    private static Artifact damaged(String kind) {
        return new Artifact(kind, "wave1", "customers", "{\"not\": ", "{]", new byte[]{1, 2, 3}, Instant.EPOCH);
    }

    @Test
    void aDamagedSegmentationCampaignListOrClvResultIsNamedInWords() {
        assertThatThrownBy(() -> SegmentationArtifacts.fromArtifact(damaged(SegmentationArtifacts.KIND)))
                .isInstanceOf(UserException.class).hasMessage(
                        "The saved segmentation \"wave1\" is damaged: its stored results do not read back. Run the segmentation again to replace it.");
        assertThatThrownBy(() -> CampaignArtifacts.fromArtifact(damaged(CampaignArtifacts.KIND)))
                .isInstanceOf(UserException.class).hasMessage(
                        "The saved campaign list wave1 is damaged: its stored data do not read back. Build the list again to replace it.");
        assertThatThrownBy(() -> ClvArtifacts.fromArtifact(damaged(ClvArtifacts.KIND)))
                .isInstanceOf(UserException.class).hasMessage(
                        "The saved customer-value result \"wave1\" is damaged: its stored data do not read back. Run the analysis again to replace it.");
        // valid JSON with fields missing, too
        Artifact empty = new Artifact(ClvArtifacts.KIND, "wave1", "customers", "{}", "{}", null, Instant.EPOCH);
        assertThatThrownBy(() -> ClvArtifacts.fromArtifact(empty)).isInstanceOf(UserException.class).hasMessageContaining("is damaged");
    }
}
