package io.segmenta.app.ui;

import atlantafx.base.controls.Notification;
import atlantafx.base.theme.Styles;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;

/** In-app notifications stacked in the top-right corner; they close themselves after a few seconds. */
public final class Toasts extends VBox {
    private static final int MAX_VISIBLE = 4;

    public Toasts() {
        super(10);
        setAlignment(Pos.TOP_RIGHT);
        setPadding(new Insets(64, 18, 18, 18));
        setPickOnBounds(false);
        setMaxWidth(Double.MAX_VALUE);
        getStyleClass().add("toasts");
    }

    public void show(Notice n) {
        Notification toast = new Notification(n.message(), Icons.icon(switch (n.kind()) {
            case SUCCESS -> MaterialDesignC.CHECK_CIRCLE_OUTLINE;
            case ERROR -> MaterialDesignA.ALERT_CIRCLE_OUTLINE;
            case INFO -> MaterialDesignI.INFORMATION_OUTLINE;
        }, 20));
        toast.getStyleClass().addAll(Styles.ELEVATED_2, switch (n.kind()) {
            case SUCCESS -> Styles.SUCCESS;
            case ERROR -> Styles.DANGER;
            case INFO -> Styles.ACCENT;
        });
        toast.getStyleClass().add("toast");
        toast.setPrefWidth(380);
        toast.setMaxWidth(380);
        toast.setMaxHeight(USE_PREF_SIZE);
        toast.setOnClose(e -> getChildren().remove(toast));
        getChildren().add(toast);
        while (getChildren().size() > MAX_VISIBLE) getChildren().remove(0);
        PauseTransition wait = new PauseTransition(Duration.seconds(n.kind() == Notice.Kind.ERROR ? 12 : 6));
        wait.setOnFinished(e -> getChildren().remove(toast));
        wait.play();
    }
}
