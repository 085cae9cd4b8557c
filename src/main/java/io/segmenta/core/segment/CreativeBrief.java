package io.segmenta.core.segment;

import io.segmenta.core.segment.SegmentProfiles.CategoryStat;
import io.segmenta.core.segment.SegmentProfiles.Distinction;
import io.segmenta.core.segment.SegmentProfiles.NumericStat;
import io.segmenta.core.segment.SegmentProfiles.Profiles;
import io.segmenta.core.segment.SegmentProfiles.SegmentProfile;
import io.segmenta.core.segment.SegmentProfiles.Trait;
import io.segmenta.core.util.I18n;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The brief for creatives: one plain-language section per segment, generated from the profiles, with
 * its size, its strongest traits in absolute and relative terms and what sets it apart from the other
 * segments. Every sentence comes from the {@code segment.brief.*} messages and numbers are formatted for
 * the locale, so the brief is in the app language. Rendered as Markdown or as a simple HTML page.
 */
public final class CreativeBrief {
    /** Traits shown per segment at most, and at least (when the segment has that many). */
    public static final int MAX_TRAITS = 5;
    public static final int MIN_TRAITS = 3;
    /** Traits weaker than this (in SD) are only shown to reach {@link #MIN_TRAITS}. */
    public static final double TRAIT_THRESHOLD = 0.2;

    private CreativeBrief() { }

    /** One segment's section. */
    public record Section(String title, String size, List<String> traits, String apart) { }

    /** The whole brief: a title, an introduction and one section per segment. */
    public record Brief(String title, String intro, List<Section> sections) { }

    public static Brief build(Profiles p, Locale l) {
        List<Section> sections = new ArrayList<>();
        for (SegmentProfile s : p.segments()) {
            String title = I18n.tr(l, "segment.brief.sectionTitle", s.name(), s.suggestedName());
            if (s.name().contains(s.suggestedName())) title = s.name();
            String size = I18n.tr(l, "segment.brief.size", s.size(), percent(s.share(), l));
            List<String> lines = new ArrayList<>();
            for (Trait t : chooseTraits(s)) lines.add(traitSentence(s, t, l));
            sections.add(new Section(title, size, lines, apartSentence(s, l)));
        }
        return new Brief(I18n.tr(l, "segment.brief.title", p.datasetName()),
                I18n.tr(l, "segment.brief.intro", p.totalRows(), p.segments().size()), sections);
    }

    public static String markdown(Profiles p, Locale l) {
        Brief b = build(p, l);
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(b.title()).append("\n\n").append(b.intro()).append("\n");
        for (Section s : b.sections()) {
            sb.append("\n## ").append(s.title()).append("\n\n");
            sb.append("**").append(s.size()).append("**");
            if (!s.traits().isEmpty()) {
                sb.append(' ').append(I18n.tr(l, "segment.brief.compared")).append("\n\n");
                for (String t : s.traits()) sb.append("- ").append(t).append('\n');
            } else {
                sb.append('\n');
            }
            sb.append('\n').append(s.apart()).append('\n');
        }
        return sb.toString();
    }

    public static String html(Profiles p, Locale l) {
        Brief b = build(p, l);
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"").append(l.getLanguage()).append("\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(esc(b.title())).append("</title>\n<style>body{font-family:sans-serif;max-width:48em;margin:2em auto;line-height:1.5}"
                        + "h2{border-bottom:1px solid #ccc}</style>\n</head>\n<body>\n");
        sb.append("<h1>").append(esc(b.title())).append("</h1>\n<p>").append(esc(b.intro())).append("</p>\n");
        for (Section s : b.sections()) {
            sb.append("<section>\n<h2>").append(esc(s.title())).append("</h2>\n<p><strong>").append(esc(s.size())).append("</strong>");
            if (!s.traits().isEmpty()) {
                sb.append(' ').append(esc(I18n.tr(l, "segment.brief.compared"))).append("</p>\n<ul>\n");
                for (String t : s.traits()) sb.append("<li>").append(esc(t)).append("</li>\n");
                sb.append("</ul>\n");
            } else {
                sb.append("</p>\n");
            }
            sb.append("<p>").append(esc(s.apart())).append("</p>\n</section>\n");
        }
        sb.append("</body>\n</html>\n");
        return sb.toString();
    }

    /** The 3–5 strongest traits: all of at least {@link #TRAIT_THRESHOLD} SD up to five, topped up to three. */
    static List<Trait> chooseTraits(SegmentProfile s) {
        List<Trait> out = new ArrayList<>();
        for (Trait t : s.traits()) {
            if (out.size() >= MAX_TRAITS) break;
            if (Math.abs(t.diffSd()) >= TRAIT_THRESHOLD || out.size() < MIN_TRAITS) {
                if (t.diffSd() == 0) continue;
                out.add(t);
            }
        }
        return out;
    }

    static String traitSentence(SegmentProfile s, Trait t, Locale l) {
        if (t.numeric()) {
            NumericStat st = s.numeric(t.column());
            double diff = st.segMean() - st.allMean();
            String rel = relative(st.segMean(), st.allMean(), l);
            String key = diff >= 0 ? "segment.brief.numHigher" : "segment.brief.numLower";
            if (rel == null) key += "Plain";
            return I18n.tr(l, key, st.column(), number(st.segMean(), l), number(st.allMean(), l), number(Math.abs(diff), l),
                    rel == null ? "" : rel, number(st.segMedian(), l));
        }
        CategoryStat st = s.category(t.column(), t.level());
        String key = t.diffSd() > 0 ? "segment.brief.catOver" : "segment.brief.catUnder";
        return I18n.tr(l, key, percent(st.segShare(), l), st.column(), st.level(), percent(st.allShare(), l), ratio(st.lift(), l));
    }

    /** "2.1× as much", "35% more", "35% less"; null when the comparison is meaningless (signs, zero). */
    static String relative(double seg, double all, Locale l) {
        if (!(all > 0) || seg < 0) return null;
        double r = seg / all;
        if (r >= 1.5) return I18n.tr(l, "segment.brief.relTimes", ratio(r, l));
        if (r >= 1) return I18n.tr(l, "segment.brief.relMore", percent(r - 1, l));
        return I18n.tr(l, "segment.brief.relLess", percent(1 - r, l));
    }

    static String apartSentence(SegmentProfile s, Locale l) {
        List<String> parts = new ArrayList<>();
        for (Distinction d : s.distinctions()) {
            if (parts.size() == 2) break;
            if (d.level() == null) {
                parts.add(I18n.tr(l, d.highest() ? "segment.brief.apartHighest" : "segment.brief.apartLowest", d.column(), number(d.value(), l)));
            } else {
                parts.add(I18n.tr(l, "segment.brief.apartShare", d.column(), d.level(), percent(d.value(), l)));
            }
        }
        if (parts.isEmpty()) return I18n.tr(l, "segment.brief.apartNone");
        return I18n.tr(l, "segment.brief.apart", String.join(I18n.tr(l, "segment.brief.and"), parts));
    }

    /** A number with 0–2 decimals depending on its size, grouped for the locale. */
    public static String number(double v, Locale l) {
        if (Double.isNaN(v)) return "–";
        NumberFormat f = NumberFormat.getNumberInstance(l);
        double a = Math.abs(v);
        int dec = a >= 100 ? 0 : a >= 10 ? 1 : 2;
        f.setMaximumFractionDigits(dec);
        f.setMinimumFractionDigits(0);
        return f.format(v);
    }

    public static String percent(double share, Locale l) {
        NumberFormat f = NumberFormat.getPercentInstance(l);
        f.setMaximumFractionDigits(share < 0.1 && share > 0 ? 1 : 0);
        return f.format(share);
    }

    static String ratio(double r, Locale l) {
        NumberFormat f = NumberFormat.getNumberInstance(l);
        f.setMaximumFractionDigits(1);
        f.setMinimumFractionDigits(1);
        return f.format(r);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
