package io.segmenta.core.join;

import io.segmenta.core.data.Dataset;

/** A finished join: the new table, what happened, and the request that made it. */
public record JoinResult(Dataset dataset, JoinReport report, JoinRequest request) { }
