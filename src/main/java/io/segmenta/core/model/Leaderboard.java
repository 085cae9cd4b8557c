package io.segmenta.core.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * All models of a dataset side by side, with their test figures.
 *
 * @param entries one row per model
 */
public record Leaderboard(List<Entry> entries) {

    /**
     * @param name         model name
     * @param algorithm    algorithm key ("gbm", "ensemble"…)
     * @param task         classification or regression
     * @param metrics      test figures by snake_case key (see {@link Evaluation#summary()})
     * @param trainSeconds training time in all: fitting, evaluation and permutation importance
     * @param fitSeconds   fitting alone (what a library's fit call measures)
     * @param testRows     rows of the test part
     * @param splitKey     test size, validation size and seed; models with equal keys were tested on the same rows
     */
    public record Entry(String name, String algorithm, Task task, Map<String, Double> metrics, double trainSeconds,
                        double fitSeconds, int testRows, String splitKey) { }

    public Leaderboard {
        entries = List.copyOf(entries);
    }

    public static Leaderboard of(List<TrainedModel> models) {
        List<Entry> e = new ArrayList<>();
        for (TrainedModel m : models) {
            TrainingOptions o = m.info().options();
            e.add(new Entry(m.name(), m.info().algorithm().key(), m.task(), m.info().evaluation().summary(),
                    m.info().trainSeconds(), m.info().fitSeconds(), m.info().testRows(),
                    o.target() + "|" + o.testSize() + "|" + o.validationSize() + "|" + o.seed()));
        }
        return new Leaderboard(e);
    }

    /** Sorted by a metric, best first (lower is better for log_loss, brier, mae, rmse). Missing values last. */
    public Leaderboard sortedBy(String metric) {
        boolean lowerBetter = switch (metric) {
            case "log_loss", "brier", "mae", "rmse" -> true;
            default -> false;
        };
        Comparator<Entry> cmp = Comparator.comparing((Entry x) -> {
            Double v = x.metrics().get(metric);
            return v == null || v.isNaN() ? Double.NaN : lowerBetter ? v : -v;
        }, (a, b) -> {
            if (Double.isNaN(a)) return Double.isNaN(b) ? 0 : 1;
            if (Double.isNaN(b)) return -1;
            return Double.compare(a, b);
        });
        List<Entry> s = new ArrayList<>(entries);
        s.sort(cmp);
        return new Leaderboard(s);
    }
}
