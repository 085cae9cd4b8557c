package io.segmenta.app.campaigns;

/** One step of the eligibility funnel, already labelled in the user's language. */
public record FunnelStep(String label, int count) { }
