package io.segmenta.app.project;

import java.util.List;

/**
 * What the application remembers between runs.
 *
 * @param recentProjects most recent first, absolute paths
 * @param theme          "light" or "dark"
 * @param language       "en" or "es"; null = follow the system
 */
public record AppSettings(List<String> recentProjects, String theme, String language) {
    public static final int MAX_RECENT = 10;

    public AppSettings {
        recentProjects = recentProjects == null ? List.of()
                : recentProjects.stream().distinct().limit(MAX_RECENT).toList();
        theme = "dark".equals(theme) ? "dark" : "light";
        language = "es".equals(language) || "en".equals(language) ? language : null;
    }

    public static AppSettings defaults() { return new AppSettings(List.of(), "light", null); }
}
