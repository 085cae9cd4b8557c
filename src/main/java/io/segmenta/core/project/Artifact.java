package io.segmenta.core.project;

import java.time.Instant;

/**
 * A saved result of a later feature (segmentation, model, training run, campaign list): its kind, a name
 * unique within the kind, the dataset it was made from, the options that produced it and the result,
 * both as JSON, plus an optional binary payload (model weights, assignments).
 */
public record Artifact(String kind, String name, String datasetName, String optionsJson, String resultJson,
                       byte[] payload, Instant createdAt) {
    public Artifact {
        if (kind == null || kind.isBlank()) throw new IllegalArgumentException("kind");
        if (name == null || name.isBlank()) throw new IllegalArgumentException("name");
        createdAt = createdAt == null ? Instant.now() : createdAt;
    }
}
