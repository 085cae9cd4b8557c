package io.segmenta.core.util;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * All user-visible text comes from the {@code io.segmenta.i18n.messages} bundles (English and Spanish).
 * The language follows the system locale unless the user picks one.
 */
public final class I18n {
    /**
     * Bundles searched in order, one per area so features keep their own keys: each has an English base
     * file and a Spanish {@code _es} file under resources/io/segmenta/i18n/.
     */
    public static final List<String> BUNDLES = List.of(
            "io.segmenta.i18n.messages", "io.segmenta.i18n.project", "io.segmenta.i18n.data", "io.segmenta.i18n.ui",
            "io.segmenta.i18n.eda", "io.segmenta.i18n.segment", "io.segmenta.i18n.model",
            "io.segmenta.i18n.clv", "io.segmenta.i18n.campaign");
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.of("es"));

    private static volatile Locale locale = initialLocale();

    private I18n() { }

    private static Locale initialLocale() {
        String lang = Locale.getDefault().getLanguage();
        return "es".equals(lang) ? Locale.of("es") : Locale.ENGLISH;
    }

    public static Locale locale() { return locale; }

    public static void setLocale(Locale l) {
        locale = "es".equals(l.getLanguage()) ? Locale.of("es") : Locale.ENGLISH;
    }

    public static ResourceBundle bundle(String baseName, Locale l) {
        // Never fall back to the JVM default locale: English is the base bundle.
        return ResourceBundle.getBundle(baseName, l, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** True when some bundle defines {@code key}. */
    public static boolean has(String key) {
        for (String b : BUNDLES) if (bundle(b, locale).containsKey(key)) return true;
        return false;
    }

    /** The message for {@code key} in the current language, formatted with {@link MessageFormat}. */
    public static String tr(String key, Object... args) { return tr(locale, key, args); }

    public static String tr(Locale l, String key, Object... args) {
        String pattern = null;
        for (String b : BUNDLES) {
            try {
                ResourceBundle rb = bundle(b, l);
                if (rb.containsKey(key)) { pattern = rb.getString(key); break; }
            } catch (MissingResourceException ignored) {
                // bundle absent: keep looking
            }
        }
        if (pattern == null) return "!" + key + "!";
        if (args == null || args.length == 0) return pattern;
        Object[] a = args;
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof Localizable x) {
                if (a == args) a = args.clone();
                a[i] = x.text(l);
            }
        }
        MessageFormat f = new MessageFormat(pattern, l);
        return f.format(a);
    }

    /** A message argument that writes itself in the message's language (e.g. "row 12" / "fila 12"). */
    public interface Localizable {
        String text(Locale l);
    }

    /**
     * Values for a message, each in double quotes and separated by commas, so that values that themselves
     * hold commas ("balears, illes", "Sales, North") stay readable.
     */
    public static String quotedList(java.util.Collection<String> values) {
        StringBuilder b = new StringBuilder();
        for (String v : values) b.append(b.isEmpty() ? "" : ", ").append('"').append(v).append('"');
        return b.toString();
    }

    /**
     * Why a file operation failed, in words: "permission denied", "the folder does not exist", the file
     * system's own reason ("No space left on device", "Read-only file system"), else the exception's text.
     */
    public static String describe(java.io.IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) return tr("io.error.accessDenied");
        if (e instanceof java.nio.file.NoSuchFileException) return tr("io.error.noFolder");
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) return f.getReason();
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
