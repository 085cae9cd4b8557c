package io.segmenta.app.ui;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;

/** A friendly "nothing here yet" panel with one call to action. */
public final class EmptyState {
    private EmptyState() { }

    public static VBox create(Ikon ikon, String title, String text, String actionText, Runnable action) {
        FontIcon icon = Icons.icon(ikon, 56);
        icon.getStyleClass().add("empty-state-icon");
        Label t = new Label(title);
        t.getStyleClass().add(Styles.TITLE_2);
        Label d = new Label(text);
        d.getStyleClass().add(Styles.TEXT_MUTED);
        d.setWrapText(true);
        d.setMaxWidth(460);
        d.setAlignment(Pos.CENTER);
        d.setStyle("-fx-text-alignment: center;");
        Button b = new Button(actionText, Icons.icon(MaterialDesignF.FILE_IMPORT_OUTLINE));
        b.getStyleClass().addAll(Styles.ACCENT, Styles.LARGE);
        b.setDefaultButton(false);
        b.setOnAction(e -> action.run());
        b.setId("emptyImportButton");
        VBox box = new VBox(14, icon, t, d, b);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("empty-state");
        return box;
    }
}
