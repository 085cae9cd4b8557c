package io.segmenta.app.shell;

/** Areas of the left navigation. Only features that exist are listed. */
public enum Section {
    OVERVIEW("ui.nav.overview"),
    DATA("ui.nav.data"),
    EXPLORE("ui.nav.explore"),
    SEGMENTS("ui.nav.segments"),
    MODELS("ui.nav.models"),
    CLV("ui.nav.clv"),
    CAMPAIGNS("ui.nav.campaigns");

    private final String key;

    Section(String key) { this.key = key; }

    /** Message key of the section's label. */
    public String key() { return key; }
}
