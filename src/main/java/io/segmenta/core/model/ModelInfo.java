package io.segmenta.core.model;

import java.util.List;

/**
 * Everything about a trained model except its fitted numbers; saved as JSON in the model file.
 *
 * @param name            display name, unique among a dataset's models
 * @param algorithm       the algorithm (ensemble for an average of members)
 * @param members         algorithms averaged (one entry for a single model)
 * @param options         the training options
 * @param target          how the target was read
 * @param schema          columns read, with their training types
 * @param excluded        columns left out and why
 * @param leakage         probable leaks found on the training rows
 * @param evaluation      test-part figures
 * @param histories       loss/metric per stage, one per member
 * @param importance      feature importance, most important first
 * @param crossValidation k-fold result, null when not asked for
 * @param fingerprint     SHA-256 of the dataset's target and feature columns
 * @param trainRows       rows learned from
 * @param validationRows  rows of the validation part
 * @param testRows        rows of the test part
 * @param droppedRows     rows without a target
 * @param fitSeconds      wall time of fitting the learner(s) only
 * @param trainSeconds    wall time of the whole run (fitting, cross-validation, evaluation, importance)
 * @param createdAt       ISO-8601 instant
 * @param appVersion      Segmenta version that trained it
 * @param duplicateRows   rows (with a target) that repeat an earlier row in every column, ids included: copies
 *                        on both sides of the split make the test figures optimistic; 0 in older models
 */
public record ModelInfo(String name, Algorithm algorithm, List<Algorithm> members, TrainingOptions options,
                        TargetEncoding target, List<FeatureColumn> schema, List<ModelSetup.Exclusion> excluded,
                        List<LeakageFlag> leakage, Evaluation evaluation, List<TrainingHistory> histories,
                        List<FeatureImportance> importance, CrossValidation crossValidation, String fingerprint,
                        int trainRows, int validationRows, int testRows, int droppedRows, double fitSeconds, double trainSeconds,
                        String createdAt, String appVersion, int duplicateRows) {
    public ModelInfo {
        members = List.copyOf(members);
        schema = List.copyOf(schema);
        excluded = List.copyOf(excluded);
        leakage = List.copyOf(leakage);
        histories = List.copyOf(histories);
        importance = List.copyOf(importance);
    }

    public Task task() { return target.task(); }

    public ModelInfo withName(String n) {
        return new ModelInfo(n, algorithm, members, options, target, schema, excluded, leakage, evaluation, histories,
                importance, crossValidation, fingerprint, trainRows, validationRows, testRows, droppedRows, fitSeconds,
                trainSeconds, createdAt, appVersion, duplicateRows);
    }
}
