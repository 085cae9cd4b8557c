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
            io.segmenta.app.SegmentaApp.launchApp(args);
            return;
        }
        int code = SegmentaCli.run(args);
        System.exit(code);
    }

    /** GUI when there are no arguments, "gui [project]", or a single existing .segmenta file. */
    static boolean isGuiInvocation(String[] args) {
        if (args.length == 0) return true;
        if ("gui".equals(args[0])) return true;
        return args.length == 1 && args[0].endsWith(".segmenta") && !args[0].startsWith("-");
    }
}
