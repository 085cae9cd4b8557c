package io.segmenta.core.model;

/**
 * One point of the live training chart.
 *
 * @param member           which model ("gbm", or an ensemble member)
 * @param stage            stage number from 1
 * @param totalStages      stages planned
 * @param trainLoss        training loss
 * @param validationLoss   validation loss, null without a validation part
 * @param trainMetric      training metric
 * @param validationMetric validation metric, null without a validation part
 */
public record HistoryPoint(String member, int stage, int totalStages, double trainLoss, Double validationLoss,
                           double trainMetric, Double validationMetric) { }
