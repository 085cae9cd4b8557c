package io.segmenta.app.project;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes {@code ~/.segmenta/settings.json}. The file carries a format version; it is written to a
 * temporary file in the same folder and then moved over the old one, so a crash never leaves half a file.
 * Writes are numbered: a write that was overtaken by a newer one is skipped, so settings saved from
 * several background threads end with the newest.
 */
public final class SettingsStore {
    public static final int VERSION = 1;

    private final Path file;
    private final JsonMapper mapper = JsonMapper.builder().build();
    private long lastWritten = -1;

    public SettingsStore(Path file) {
        this.file = file;
    }

    public static Path defaultFile() {
        return Path.of(System.getProperty("user.home"), ".segmenta", "settings.json");
    }

    public Path file() { return file; }

    /** The saved settings, or the defaults when the file is absent, unreadable or from a newer version. */
    public AppSettings load() {
        if (!Files.isRegularFile(file)) return AppSettings.defaults();
        try {
            JsonNode root = mapper.readTree(Files.readString(file, StandardCharsets.UTF_8));
            if (root == null || !root.isObject() || root.path("version").asInt(0) > VERSION) return AppSettings.defaults();
            List<String> recent = new ArrayList<>();
            for (JsonNode n : root.path("recentProjects")) if (n.isString()) recent.add(n.asString());
            String lang = root.path("language").isString() ? root.path("language").asString() : null;
            return new AppSettings(recent, root.path("theme").asString("light"), lang);
        } catch (IOException | RuntimeException e) {
            return AppSettings.defaults();
        }
    }

    /** Writes the settings atomically unless a newer {@code sequence} was already written. */
    public synchronized void save(AppSettings settings, long sequence) {
        if (sequence < lastWritten) return;
        ObjectNode root = mapper.createObjectNode();
        root.put("version", VERSION);
        ArrayNode recent = root.putArray("recentProjects");
        settings.recentProjects().forEach(recent::add);
        root.put("theme", settings.theme());
        if (settings.language() != null) root.put("language", settings.language());
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "settings", ".tmp");
            try {
                Files.writeString(tmp, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root), StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            lastWritten = sequence;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void save(AppSettings settings) { save(settings, Long.MAX_VALUE - 1); }
}
