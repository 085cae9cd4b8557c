package io.segmenta;

import io.segmenta.cli.SegmentaCli;

/**
 * The one entry point. With no arguments, or with only a project file, it opens the GUI; with a
 * subcommand it is the command-line interface. This class must not extend javafx Application so that
 * the JavaFX runtime can be loaded from the class path and the CLI never touches JavaFX.
 */
public final class Main {
    private Main() { }

    public static void main(String[] args) {
        if (isGuiInvocation(args)) {
            String why = noDisplay(System.getProperty("os.name", ""), System.getenv("DISPLAY"), System.getenv("WAYLAND_DISPLAY"),
                    System.getProperty("glass.platform"));
            if (why != null) {
                System.err.println("segmenta: " + why);
                System.exit(SegmentaCli.EXIT_BAD_INPUT);
            }
            try {
                io.segmenta.app.SegmentaApp.launchApp(args);
            } catch (RuntimeException | Error e) {
                // the toolkit could not start (a display that refuses the connection, missing GTK libraries)
                System.err.println("segmenta: " + io.segmenta.core.util.I18n.tr("cli.noGui", String.valueOf(e.getMessage())));
                System.exit(SegmentaCli.EXIT_BAD_INPUT);
            }
            return;
        }
        int code = SegmentaCli.run(args);
        System.exit(code);
    }

    /**
     * Why the window cannot open here, or null: on Linux and other X11/Wayland systems, a session with neither
     * DISPLAY nor WAYLAND_DISPLAY (a server, an ssh login) has no screen, unless a headless glass platform
     * (Monocle) was chosen.
     */
    static String noDisplay(String os, String display, String wayland, String glassPlatform) {
        String o = os.toLowerCase(java.util.Locale.ROOT);
        if (o.contains("win") || o.contains("mac") || glassPlatform != null && !glassPlatform.isBlank()) return null;
        if (display != null && !display.isBlank() || wayland != null && !wayland.isBlank()) return null;
        return io.segmenta.core.util.I18n.tr("cli.noDisplay");
    }

    /** GUI when there are no arguments, "gui [project]", or a single existing .segmenta file. */
    static boolean isGuiInvocation(String[] args) {
        if (args.length == 0) return true;
        if ("gui".equals(args[0])) return true;
        return args.length == 1 && args[0].endsWith(".segmenta") && !args[0].startsWith("-");
    }
}
