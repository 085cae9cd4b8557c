package io.segmenta.core.campaign;

import io.segmenta.core.util.UserException;

/**
 * Choices for an A/B analysis.
 *
 * @param control        the control (holdout) arm, or null when every arm is a creative
 * @param costPerSend    cost of one send for ROI, or null
 * @param confidence     confidence of intervals; 1 − confidence is the significance level α (default 0.95)
 * @param power          power wanted for the next wave (default 0.8)
 * @param mde            minimum detectable effect for the next wave, relative to the baseline (default 0.10 = +10%)
 * @param winProbability P(best) needed to declare a winner (default 0.95)
 * @param lossTolerance  largest expected loss of the winner, relative to its rate (default 0.05 = 5%)
 * @param primary        metric the recommendation uses, or null for conversion, else click, else open
 */
public record AbOptions(String control, Double costPerSend, double confidence, double power, double mde,
                        double winProbability, double lossTolerance, AbMetric primary) {
    public AbOptions {
        control = control == null || control.isBlank() ? null : control;
        if (costPerSend != null && !(costPerSend >= 0)) throw new UserException("campaign.ab.badCost", costPerSend);
        if (!(confidence > 0.5 && confidence < 1)) throw new UserException("campaign.ab.badConfidence", confidence);
        if (!(power > 0 && power < 1)) throw new UserException("campaign.power.badPower", power);
        if (!(mde > 0) || Double.isInfinite(mde)) throw new UserException("campaign.power.badMde", mde);
        if (!(winProbability > 0.5 && winProbability < 1)) throw new UserException("campaign.ab.badWinProbability", winProbability);
        if (!(lossTolerance >= 0)) throw new UserException("campaign.ab.badLoss", lossTolerance);
    }

    public static AbOptions defaults() { return new AbOptions(null, null, 0.95, 0.8, 0.10, 0.95, 0.05, null); }

    public AbOptions withControl(String c) { return new AbOptions(c, costPerSend, confidence, power, mde, winProbability, lossTolerance, primary); }

    public AbOptions withCostPerSend(Double c) { return new AbOptions(control, c, confidence, power, mde, winProbability, lossTolerance, primary); }

    public AbOptions withMde(double m) { return new AbOptions(control, costPerSend, confidence, power, m, winProbability, lossTolerance, primary); }

    public AbOptions withPrimary(AbMetric m) { return new AbOptions(control, costPerSend, confidence, power, mde, winProbability, lossTolerance, m); }

    public double alpha() { return 1 - confidence; }
}
