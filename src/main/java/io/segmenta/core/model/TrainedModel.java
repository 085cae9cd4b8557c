package io.segmenta.core.model;

import io.segmenta.core.data.Dataset;
import io.segmenta.core.util.UserException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A trained model: its description and figures ({@link ModelInfo}) and one fitted pipeline, or several whose
 * predictions are averaged (an ensemble).
 */
public record TrainedModel(ModelInfo info, List<Pipeline> pipelines) {
    public TrainedModel {
        pipelines = List.copyOf(pipelines);
        if (pipelines.isEmpty()) throw new IllegalArgumentException("a model needs a pipeline");
    }

    public String name() { return info.name(); }

    public Task task() { return info.task(); }

    public TrainedModel withName(String n) { return new TrainedModel(info.withName(n), pipelines); }

    /** Columns a dataset must have to be scored, in model order. */
    public List<String> requiredColumns() {
        Set<String> s = new LinkedHashSet<>();
        for (Pipeline p : pipelines) s.addAll(p.preprocessor().names());
        return List.copyOf(s);
    }

    /** Required columns that {@code ds} lacks. */
    public List<String> missingColumns(Dataset ds) {
        List<String> m = new ArrayList<>();
        for (String c : requiredColumns()) if (ds.find(c).isEmpty()) m.add(c);
        return m;
    }

    /** Probability of the positive class (or predicted value) per row; rows null = all. */
    public double[] predict(Dataset ds, int[] rows) {
        List<String> missing = missingColumns(ds);
        if (!missing.isEmpty()) throw Preprocessor.missingColumnsError(missing, requiredColumns(), ds);
        double[] acc = null;
        for (Pipeline p : pipelines) {
            double[] v = p.predict(ds, rows);
            if (acc == null) acc = v;
            else for (int i = 0; i < acc.length; i++) acc[i] += v[i];
        }
        if (pipelines.size() > 1) for (int i = 0; i < acc.length; i++) acc[i] /= pipelines.size();
        return acc;
    }
}
