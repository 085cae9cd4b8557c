package io.segmenta.core.model;

import io.segmenta.core.data.ColumnType;

/** A column a model reads, with its type at training time. */
public record FeatureColumn(String name, ColumnType type) { }
