package io.segmenta.app.explore;

/** The views of the Explore section, in tab order. */
public enum ExploreTab {
    PROFILES, HISTOGRAM, BOX_PLOT, BAR_CHART, SCATTER, CORRELATION, TARGET, MISSING;

    /** Message key of the tab's title. */
    public String key() {
        return "ui.explore.tab." + switch (this) {
            case PROFILES -> "profiles";
            case HISTOGRAM -> "histogram";
            case BOX_PLOT -> "boxPlot";
            case BAR_CHART -> "barChart";
            case SCATTER -> "scatter";
            case CORRELATION -> "correlation";
            case TARGET -> "target";
            case MISSING -> "missing";
        };
    }
}
