package io.segmenta.app.campaigns;

import io.segmenta.core.campaign.AbReport;
import io.segmenta.core.util.I18n;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import io.segmenta.app.ui.CanvasChart;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.util.List;

/**
 * Horizontal bars of each arm's rate with its Wilson interval as a whisker, and the Bayesian probability of being
 * best on the right. The leader's bar is highlighted, the control is grey.
 */
public final class AbChart extends CanvasChart {
    private static final Color BAR = Color.web("#4C78A8");
    private static final Color LEADER = Color.web("#2E9E5B");
    private static final Color CONTROL = Color.web("#9AA0A6");
    private final boolean dark;
    private AbReport.MetricResult data;
    private String leader;
    private String control;

    public AbChart(boolean dark) {
        super("ab-chart", null);
        this.dark = dark;
        setMinHeight(140);
        setPrefHeight(200);
    }

    public void show(AbReport.MetricResult m, String leader, String control) {
        this.data = m;
        this.leader = leader;
        this.control = control;
        redraw();
    }

    @Override public boolean hasData() { return data != null && !data.rates().isEmpty(); }

    @Override protected Color background() { return Color.TRANSPARENT; }

    @Override protected Color mutedText() { return dark ? Color.web("#E6E6E6") : Color.web("#24292F"); }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        Color text = dark ? Color.web("#E6E6E6") : Color.web("#24292F");
        Color grid = dark ? Color.web("#444C56") : Color.web("#D0D7DE");
        g.setFont(Font.font(12));
        g.setTextBaseline(VPos.CENTER);
        if (w < 80) return;
        List<AbReport.ArmRate> rates = data.rates();
        double max = 0;
        for (AbReport.ArmRate r : rates) max = Math.max(max, r.wilson().high());
        max = niceMax(max);
        double left = 130;
        double right = 120;
        double top = 24;
        double bottom = 22;
        double plotW = Math.max(20, w - left - right);
        double rowH = Math.min(34, (h - top - bottom) / rates.size());
        g.setFill(text);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(I18n.tr("ui.campaigns.ab.chart.pBest"), w - 8, top / 2);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(I18n.tr("ui.campaigns.ab.chart.title", I18n.tr("ui.campaigns.ab.metric." + data.metric().key())), 8, top / 2);
        g.setStroke(grid);
        g.setLineWidth(1);
        for (int t = 0; t <= 4; t++) {
            double x = left + plotW * t / 4.0;
            g.strokeLine(x, top, x, top + rowH * rates.size());
            g.setFill(text);
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(CampaignsFormat.percent(max * t / 4.0), x, top + rowH * rates.size() + 11);
        }
        for (int i = 0; i < rates.size(); i++) {
            AbReport.ArmRate r = rates.get(i);
            double cy = top + rowH * i + rowH / 2;
            g.setFill(text);
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(clip(r.arm()), left - 8, cy);
            Color c = r.arm().equals(control) ? CONTROL : r.arm().equals(leader) ? LEADER : BAR;
            g.setFill(c.deriveColor(0, 1, 1, 0.85));
            double bw = plotW * r.rate() / max;
            g.fillRect(left, cy - rowH * 0.3, bw, rowH * 0.6);
            double lo = left + plotW * r.wilson().low() / max;
            double hi = left + plotW * r.wilson().high() / max;
            g.setStroke(text);
            g.setLineWidth(1.5);
            g.strokeLine(lo, cy, hi, cy);
            g.strokeLine(lo, cy - 5, lo, cy + 5);
            g.strokeLine(hi, cy - 5, hi, cy + 5);
            AbReport.BayesArm b = data.bayes().stream().filter(x -> x.arm().equals(r.arm())).findFirst().orElse(null);
            g.setFill(text);
            g.setTextAlign(TextAlignment.RIGHT);
            // the same decimals as the P(best) column of the table below
            g.fillText(b == null || Double.isNaN(b.probabilityBest()) ? CampaignsFormat.NONE
                    : CampaignsFormat.percent(b.probabilityBest(), CampaignsFormat.PROBABILITY_DIGITS), w - 8, cy);
        }
    }

    private static String clip(String s) { return s.length() > 18 ? s.substring(0, 17) + "…" : s; }

    private static double niceMax(double v) {
        if (!(v > 0)) return 1;
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[]{1, 2, 2.5, 5, 10}) if (m * p >= v) return m * p;
        return 10 * p;
    }
}
