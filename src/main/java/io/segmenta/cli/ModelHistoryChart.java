package io.segmenta.cli;

import io.segmenta.core.model.TrainingHistory;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Draws a training history (loss and metric per stage or, for the neural network, per epoch; training and
 * validation) into a PNG, headless.
 */
final class ModelHistoryChart {
    private ModelHistoryChart() { }

    private static final int W = 1000, H = 420, PAD = 55;
    private static final Color TRAIN = new Color(0x1f77b4), VALID = new Color(0xff7f0e);

    static void write(TrainingHistory h, Path file) throws IOException {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, W, H);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            String axis = axisLabel(h);
            panel(g, 0, h.member() + " — " + h.lossName(), axis, h.stages(), h.trainLoss(), h.validationLoss());
            panel(g, W / 2, h.member() + " — " + h.metricName(), axis, h.stages(), h.trainMetric(), h.validationMetric());
        } finally {
            g.dispose();
        }
        // encoded in memory, then written as any other output: missing folders made, errors said in words
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        ImageIO.write(img, "png", png);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) java.nio.file.Files.createDirectories(parent);
        java.nio.file.Files.write(file, png.toByteArray());
    }

    /** "epoch" for the neural network (one point per pass over the data), "stage" for the other learners. */
    static String axisLabel(TrainingHistory h) {
        return h.member().equals("mlp") || h.member().startsWith("mlp ") ? "epoch" : "stage";
    }

    private static void panel(Graphics2D g, int x0, String title, String axis, List<Integer> stages, List<Double> train,
                              List<Double> val) {
        int left = x0 + PAD, right = x0 + W / 2 - 20, top = 40, bottom = H - PAD;
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (List<Double> l : List.of(train, val)) {
            for (Double v : l) {
                if (v == null || !Double.isFinite(v)) continue;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (!Double.isFinite(min)) { min = 0; max = 1; }
        if (max == min) { max = min + 1; }
        int n = stages.size();
        g.setColor(Color.BLACK);
        g.drawString(title, left, 25);
        g.setColor(Color.GRAY);
        g.drawRect(left, top, right - left, bottom - top);
        for (int k = 0; k <= 4; k++) {
            double v = min + (max - min) * k / 4;
            int y = bottom - (int) Math.round((bottom - top) * k / 4.0);
            g.drawString(String.format(Locale.ROOT, "%.3f", v), x0 + 5, y + 4);
        }
        g.drawString("1", left, bottom + 15);
        g.drawString(String.valueOf(n == 0 ? 0 : stages.get(n - 1)), right - 20, bottom + 15);
        g.drawString(axis, (left + right) / 2 - 15, bottom + 30);
        g.setStroke(new BasicStroke(2f));
        line(g, train, n, left, right, top, bottom, min, max, TRAIN);
        line(g, val, n, left, right, top, bottom, min, max, VALID);
        g.setColor(TRAIN);
        g.drawString("train", right - 90, top + 15);
        g.setColor(VALID);
        g.drawString("validation", right - 90, top + 30);
    }

    private static void line(Graphics2D g, List<Double> v, int n, int left, int right, int top, int bottom,
                             double min, double max, Color c) {
        g.setColor(c);
        int px = -1, py = -1;
        for (int i = 0; i < n; i++) {
            Double d = v.get(i);
            if (d == null || !Double.isFinite(d)) { px = -1; continue; }
            int x = n == 1 ? left : left + (int) Math.round((right - left) * (double) i / (n - 1));
            int y = bottom - (int) Math.round((bottom - top) * (d - min) / (max - min));
            if (px >= 0) g.drawLine(px, py, x, y); else g.fillOval(x - 2, y - 2, 4, 4);
            px = x;
            py = y;
        }
    }
}
