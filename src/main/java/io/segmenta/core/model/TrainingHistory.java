package io.segmenta.core.model;

import java.util.List;

/**
 * Loss and metric per boosting stage, forest tree or Newton iteration, on the training and validation
 * parts; the live chart and the history PNG draw it. Validation values are null when there is no
 * validation part.
 *
 * @param member           the model this history belongs to ("gbm"; ensemble members have their own)
 * @param lossName         "log_loss" (classification) or "mse" (regression)
 * @param metricName       "accuracy" (classification, at 0.5) or "r2" (regression)
 * @param stages           stage numbers, from 1
 * @param trainLoss        training loss per stage
 * @param validationLoss   validation loss per stage
 * @param trainMetric      training metric per stage
 * @param validationMetric validation metric per stage
 * @param bestStage        the stage kept (early stopping), else the last
 */
public record TrainingHistory(String member, String lossName, String metricName, List<Integer> stages,
                              List<Double> trainLoss, List<Double> validationLoss, List<Double> trainMetric,
                              List<Double> validationMetric, int bestStage) {
    public TrainingHistory {
        stages = List.copyOf(stages);
        trainLoss = List.copyOf(trainLoss);
        validationLoss = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(validationLoss));
        trainMetric = List.copyOf(trainMetric);
        validationMetric = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(validationMetric));
    }

    public int size() { return stages.size(); }
}
