package io.segmenta.app.explore;

import io.segmenta.core.eda.Bucket;
import io.segmenta.core.eda.Scatter;
import io.segmenta.core.util.I18n;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

import java.util.List;

/** Points of a {@link Scatter}, coloured by category (legend) or by a number (gradient). */
final class ScatterChart extends ChartCanvas {
    private Scatter data;
    private double left, right, top, bottom, x0, x1, y0, y1;
    private double cMin, cMax;

    ScatterChart(boolean dark) { super(dark); }

    void setData(Scatter s) {
        data = s;
        redraw();
    }

    @Override public boolean hasData() { return data != null && data.points() > 0; }

    private double px(double v) { return left + (v - x0) / (x1 - x0) * (right - left); }

    private double py(double v) { return bottom - (v - y0) / (y1 - y0) * (bottom - top); }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        double[] xs = data.x(), ys = data.y();
        x0 = Double.POSITIVE_INFINITY; x1 = Double.NEGATIVE_INFINITY; y0 = Double.POSITIVE_INFINITY; y1 = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < xs.length; i++) {
            x0 = Math.min(x0, xs[i]); x1 = Math.max(x1, xs[i]);
            y0 = Math.min(y0, ys[i]); y1 = Math.max(y1, ys[i]);
        }
        if (x1 == x0) { x0 -= 0.5; x1 += 0.5; }
        if (y1 == y0) { y0 -= 0.5; y1 += 0.5; }
        double px = (x1 - x0) * 0.03, py = (y1 - y0) * 0.03;
        x0 -= px; x1 += px; y0 -= py; y1 += py;
        Scatter.Colour colour = data.colour();
        double legendW = 0;
        if (colour != null) {
            if (colour.numeric()) legendW = 90;
            else {
                legendW = textWidth(colour.column(), BOLD);
                for (String l : colour.levels()) legendW = Math.max(legendW, textWidth(l, SMALL) + 18);
                legendW = Math.min(180, legendW + 16);
            }
        }
        double ys0 = niceStep(y1 - y0, 6);
        List<Double> yt = ticks(y0, y1, ys0);
        double labelW = 0;
        for (double t : yt) labelW = Math.max(labelW, textWidth(yLabel(t, ys0), SMALL));
        left = 30 + labelW;
        right = w - 16 - legendW;
        top = 14;
        bottom = h - 44;
        for (double t : yt) yGrid(g, left, right, py(t), yLabel(t, ys0));
        double xs0 = niceStep(x1 - x0, (int) Math.max(2, Math.min(8, (right - left) / 90)));
        for (double t : ticks(x0, x1, xs0)) {
            double x = Math.round(px(t)) + 0.5;
            g.setStroke(pal.grid());
            g.strokeLine(x, top, x, bottom);
            text(g, Fmt.temporal(data.xType()) ? Fmt.value(data.xType(), t) : Fmt.tick(t, xs0), x, bottom + 7,
                    TextAlignment.CENTER, VPos.TOP, SMALL, pal.muted());
        }
        g.setStroke(pal.axis());
        g.strokeLine(left, bottom + 0.5, right, bottom + 0.5);
        text(g, data.options().x(), (left + right) / 2, h - 6, TextAlignment.CENTER, VPos.BOTTOM, FONT, pal.muted());
        yTitle(g, data.options().y(), 6, (top + bottom) / 2);

        int n = xs.length;
        double size = n > 20_000 ? 2.2 : n > 2_000 ? 3.2 : 5;
        g.setGlobalAlpha(n > 20_000 ? 0.35 : n > 2_000 ? 0.5 : 0.75);
        if (colour != null && colour.numeric()) {
            cMin = Double.POSITIVE_INFINITY;
            cMax = Double.NEGATIVE_INFINITY;
            for (double v : colour.values()) if (v == v) { cMin = Math.min(cMin, v); cMax = Math.max(cMax, v); }
        }
        for (int i = 0; i < n; i++) {
            g.setFill(pointColour(i));
            g.fillRect(px(xs[i]) - size / 2, py(ys[i]) - size / 2, size, size);
        }
        g.setGlobalAlpha(1);
        if (colour != null) legend(g, colour, right + 16, top);
    }

    private String yLabel(double t, double step) {
        return Fmt.temporal(data.yType()) ? Fmt.value(data.yType(), t) : Fmt.tick(t, step);
    }

    private Color pointColour(int i) {
        Scatter.Colour c = data.colour();
        if (c == null) return pal.accent();
        if (c.numeric()) {
            double v = c.values()[i];
            if (v != v) return pal.other();
            double f = cMax > cMin ? (v - cMin) / (cMax - cMin) : 0.5;
            return gradient(f);
        }
        int code = c.codes()[i];
        return code >= 0 ? pal.series()[code % pal.series().length] : pal.other();
    }

    private static Color gradient(double f) {
        return Color.web("#2c7bb6").interpolate(Color.web("#fdae61"), Math.min(1, f * 1.4))
                .interpolate(Color.web("#d7191c"), Math.max(0, f - 0.6) / 0.4);
    }

    private void legend(GraphicsContext g, Scatter.Colour c, double x, double y) {
        text(g, fit(c.column(), BOLD, 170), x, y, TextAlignment.LEFT, VPos.TOP, BOLD, pal.fg());
        double yy = y + 22;
        if (c.numeric()) {
            for (int k = 0; k < 100; k++) {
                g.setFill(gradient(1 - k / 99.0));
                g.fillRect(x, yy + k * 1.6, 14, 1.7);
            }
            text(g, Fmt.number(cMax), x + 20, yy, TextAlignment.LEFT, VPos.TOP, SMALL, pal.muted());
            text(g, Fmt.number(cMin), x + 20, yy + 160, TextAlignment.LEFT, VPos.BOTTOM, SMALL, pal.muted());
            return;
        }
        List<String> levels = c.levels();
        for (int k = 0; k < levels.size(); k++) {
            g.setFill(pal.series()[k % pal.series().length]);
            g.fillOval(x, yy + 2, 10, 10);
            text(g, fit(levels.get(k), SMALL, 150), x + 16, yy + 7, TextAlignment.LEFT, VPos.CENTER, SMALL, pal.fg());
            yy += 18;
        }
        boolean other = false, missing = false;
        for (int code : c.codes()) { other |= code == Scatter.OTHER_CODE; missing |= code == Scatter.MISSING_CODE; }
        for (String extra : new String[]{other ? Bucket.OTHER.display(null) : null, missing ? Bucket.MISSING.display(null) : null}) {
            if (extra == null) continue;
            g.setFill(pal.other());
            g.fillOval(x, yy + 2, 10, 10);
            text(g, extra, x + 16, yy + 7, TextAlignment.LEFT, VPos.CENTER, SMALL, pal.muted());
            yy += 18;
        }
    }

    @Override
    protected String hoverAt(double mx, double my) {
        if (mx < left || mx > right || my < top || my > bottom) return null;
        int best = -1;
        double bd = 36; // within 6 px
        double[] xs = data.x(), ys = data.y();
        for (int i = 0; i < xs.length; i++) {
            double dx = px(xs[i]) - mx, dy = py(ys[i]) - my;
            double d = dx * dx + dy * dy;
            if (d < bd) { bd = d; best = i; }
        }
        if (best < 0) return null;
        String s = I18n.tr("ui.explore.hover.point", Fmt.integer(data.rows()[best] + 1L), data.options().x(),
                Fmt.value(data.xType(), xs[best]), data.options().y(), Fmt.value(data.yType(), ys[best]));
        Scatter.Colour c = data.colour();
        if (c != null) {
            String v;
            if (c.numeric()) v = Fmt.number(c.values()[best]);
            else {
                int code = c.codes()[best];
                v = code >= 0 ? c.levels().get(code) : (code == Scatter.MISSING_CODE ? Bucket.MISSING : Bucket.OTHER).display(null);
            }
            s += "\n" + c.column() + ": " + v;
        }
        return s;
    }
}
