package io.segmenta.app.segments;

import io.segmenta.core.segment.CreativeBrief;
import io.segmenta.core.segment.SegmentProfiles.Profiles;
import io.segmenta.core.segment.SegmentProfiles.SegmentProfile;
import io.segmenta.core.util.I18n;

import java.util.Locale;

/**
 * The charts of the exported HTML brief as inline SVG (no image files, no scripts): the size of each
 * segment and the heatmap of standardised centroids (difference from all customers in SD). Colours and
 * order match the app.
 */
final class BriefCharts {
    private BriefCharts() { }

    /** {@code html} with a "charts" section inserted before the first segment section. */
    static String withCharts(String html, Profiles p) {
        String charts = "<section class=\"charts\">\n<h2>" + esc(I18n.tr("ui.segments.brief.chartsTitle")) + "</h2>\n"
                + sizes(p) + "\n" + heatmap(p) + "\n<p><small>" + esc(I18n.tr("ui.segments.heatmap.legend")) + "</small></p>\n</section>\n";
        int at = html.indexOf("<section>");
        if (at < 0) at = html.indexOf("</body>");
        return at < 0 ? html + charts : html.substring(0, at) + charts + html.substring(at);
    }

    static String sizes(Profiles p) {
        int rowH = 26;
        int labelW = 260;
        int barW = 360;
        int h = p.segments().size() * rowH + 10;
        int max = p.segments().stream().mapToInt(SegmentProfile::size).max().orElse(1);
        StringBuilder sb = new StringBuilder();
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(labelW + barW + 120).append("\" height=\"").append(h)
                .append("\" font-family=\"sans-serif\" font-size=\"12\" role=\"img\">\n");
        Locale l = I18n.locale();
        for (SegmentProfile s : p.segments()) {
            int y = s.index() * rowH + 4;
            double w = Math.max(1, (double) s.size() / Math.max(1, max) * barW);
            sb.append("<text x=\"").append(labelW - 8).append("\" y=\"").append(y + 15).append("\" text-anchor=\"end\">")
                    .append(esc(s.name())).append("</text>\n");
            sb.append("<rect x=\"").append(labelW).append("\" y=\"").append(y).append("\" width=\"").append(fmt(w))
                    .append("\" height=\"").append(rowH - 8).append("\" fill=\"").append(SegmentColors.hex(s.index())).append("\"/>\n");
            sb.append("<text x=\"").append(fmt(labelW + w + 6)).append("\" y=\"").append(y + 15).append("\">")
                    .append(esc(CreativeBrief.number(s.size(), l) + " (" + CreativeBrief.percent(s.share(), l) + ")")).append("</text>\n");
        }
        return sb.append("</svg>").toString();
    }

    static String heatmap(Profiles p) {
        int cols = p.heatmapColumns().size();
        int rows = p.segments().size();
        int cellW = 64;
        int cellH = 28;
        int labelW = 260;
        int headH = 110;
        StringBuilder sb = new StringBuilder();
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(labelW + cols * cellW + 10).append("\" height=\"")
                .append(headH + rows * cellH + 10).append("\" font-family=\"sans-serif\" font-size=\"11\" role=\"img\">\n");
        for (int j = 0; j < cols; j++) {
            double x = labelW + j * cellW + cellW / 2.0;
            sb.append("<text transform=\"translate(").append(fmt(x)).append(',').append(headH - 6).append(") rotate(-40)\">")
                    .append(esc(p.heatmapColumns().get(j))).append("</text>\n");
        }
        for (SegmentProfile s : p.segments()) {
            int y = headH + s.index() * cellH;
            sb.append("<text x=\"").append(labelW - 8).append("\" y=\"").append(y + 18).append("\" text-anchor=\"end\">")
                    .append(esc(s.name())).append("</text>\n");
            for (int j = 0; j < cols; j++) {
                double v = p.heatmap()[s.index()][j];
                sb.append("<rect x=\"").append(labelW + j * cellW).append("\" y=\"").append(y).append("\" width=\"").append(cellW - 2)
                        .append("\" height=\"").append(cellH - 2).append("\" fill=\"").append(SegmentColors.divergingHex(v)).append("\"/>\n");
                sb.append("<text x=\"").append(labelW + j * cellW + (cellW - 2) / 2).append("\" y=\"").append(y + 18)
                        .append("\" text-anchor=\"middle\" fill=\"").append(Math.abs(v) > 1.2 ? "#ffffff" : "#1f2328").append("\">")
                        .append(esc(SegmentColors.signed(v))).append("</text>\n");
            }
        }
        return sb.append("</svg>").toString();
    }

    private static String fmt(double v) { return String.format(Locale.ROOT, "%.1f", v); }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
