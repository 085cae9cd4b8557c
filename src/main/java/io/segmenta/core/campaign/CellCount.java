package io.segmenta.core.campaign;

/** Customers in one segment × creative × group cell; {@code creative} is null for the holdout. */
public record CellCount(String segment, String creative, Group group, int count) { }
