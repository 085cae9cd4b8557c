package io.segmenta;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {
    @Test
    void theWindowIsOpenedOnlyWhereThereIsAScreen() {
        assertThat(Main.noDisplay("Linux", null, null, null)).contains("DISPLAY", "segmenta --help");
        assertThat(Main.noDisplay("Linux", " ", "", null)).isNotNull();
        assertThat(Main.noDisplay("Linux", ":0", null, null)).isNull();
        assertThat(Main.noDisplay("Linux", null, "wayland-0", null)).isNull();
        assertThat(Main.noDisplay("Linux", null, null, "Monocle")).isNull();
        assertThat(Main.noDisplay("Windows 11", null, null, null)).isNull();
        assertThat(Main.noDisplay("Mac OS X", null, null, null)).isNull();
    }

    @Test
    void argumentsChooseBetweenTheWindowAndTheCommands() {
        assertThat(Main.isGuiInvocation(new String[0])).isTrue();
        assertThat(Main.isGuiInvocation(new String[]{"p.segmenta"})).isTrue();
        assertThat(Main.isGuiInvocation(new String[]{"train", "p.segmenta"})).isFalse();
        assertThat(Main.isGuiInvocation(new String[]{"--help"})).isFalse();
    }
}
