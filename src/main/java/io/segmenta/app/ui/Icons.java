package io.segmenta.app.ui;

import io.segmenta.core.data.ColumnType;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignN;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/** Icon helpers (Material Design icons through Ikonli). */
public final class Icons {
    private Icons() { }

    public static FontIcon icon(Ikon ikon) {
        return new FontIcon(ikon);
    }

    public static FontIcon icon(Ikon ikon, int size) {
        FontIcon i = new FontIcon(ikon);
        i.setIconSize(size);
        return i;
    }

    /** The icon that stands for a column type in headers and the import wizard. */
    public static Ikon forType(ColumnType type) {
        return switch (type) {
            case INTEGER -> MaterialDesignN.NUMERIC;
            case DECIMAL -> MaterialDesignD.DECIMAL;
            case BOOLEAN -> MaterialDesignT.TOGGLE_SWITCH_OUTLINE;
            case DATE -> MaterialDesignC.CALENDAR;
            case DATETIME -> MaterialDesignC.CALENDAR_CLOCK;
            case CATEGORICAL -> MaterialDesignT.TAG_OUTLINE;
            case TEXT -> MaterialDesignA.ALPHABETICAL_VARIANT;
        };
    }

    /** Localised name of a column type. */
    public static String typeName(ColumnType type) {
        return io.segmenta.core.util.I18n.tr("ui.type." + type.key());
    }
}
