package io.segmenta.app.campaigns;

import io.segmenta.core.campaign.CampaignList;

import java.time.Instant;

/** A campaign list saved in the project. */
public record SavedCampaign(String name, Instant createdAt, CampaignList list) {
    public String dataset() { return list.datasetName(); }

    public int size() { return list.size(); }
}
