package io.segmenta.app.project;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsStoreTest {

    @Test
    void roundTripsWithVersionStampAndLeavesNoTemporaryFiles(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub").resolve("settings.json");
        SettingsStore store = new SettingsStore(file);
        assertThat(store.load()).isEqualTo(AppSettings.defaults());
        store.save(new AppSettings(List.of("/a/one.segmenta", "/b/two.segmenta"), "dark", "es"), 1);
        String json = Files.readString(file);
        assertThat(json).contains("\"version\" : " + SettingsStore.VERSION);
        AppSettings back = new SettingsStore(file).load();
        assertThat(back.recentProjects()).containsExactly("/a/one.segmenta", "/b/two.segmenta");
        assertThat(back.theme()).isEqualTo("dark");
        assertThat(back.language()).isEqualTo("es");
        try (var files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("settings.json");
        }
    }

    @Test
    void anOvertakenWriteIsSkipped(@TempDir Path dir) {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        store.save(new AppSettings(List.of("/new.segmenta"), "light", "en"), 5);
        store.save(new AppSettings(List.of("/old.segmenta"), "light", "en"), 4);
        assertThat(store.load().recentProjects()).containsExactly("/new.segmenta");
    }

    @Test
    void corruptOrNewerFilesFallBackToDefaults(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{ not json");
        assertThat(new SettingsStore(file).load()).isEqualTo(AppSettings.defaults());
        Files.writeString(file, "{\"version\": 99, \"theme\": \"dark\"}");
        assertThat(new SettingsStore(file).load()).isEqualTo(AppSettings.defaults());
    }
}
