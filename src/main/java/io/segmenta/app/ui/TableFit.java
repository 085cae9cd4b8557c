package io.segmenta.app.ui;

import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;

/**
 * Column headers that wrap onto a second line instead of ending in "…", and column minimum widths taken from
 * what the columns show, so that a table with many short numeric columns stays readable when it is narrow:
 * each column is at least as wide as its longest header word and its widest cell (a horizontal scroll bar
 * appears only when even that does not fit).
 */
public final class TableFit {
    /** Left and right padding of a header label and of a cell in the theme (0.5em each side), plus the border. */
    private static final double HEADER_PAD = 16, CELL_PAD = 17;
    /** Rows measured for the widest cell (the tables fitted here are small). */
    private static final int MAX_ROWS = 500;
    /** A column never asks for more than this for its header on one line. */
    private static final double MAX_PREF = 220;
    private static final Text MEASURE = new Text();

    private TableFit() { }

    /** Moves the column's title into a label that wraps within the column width ({@link #title} still gives it). */
    public static <S, T> TableColumn<S, T> wrapHeader(TableColumn<S, T> c) {
        String title = c.getText();
        Label l = new WrapLabel(title);
        l.getStyleClass().add("wrapped-header");
        l.setWrapText(true);
        l.setStyle("-fx-padding: 0; -fx-font-size: 0.93em;");
        l.prefWidthProperty().bind(c.widthProperty().subtract(HEADER_PAD));
        l.setMinWidth(0);
        c.setGraphic(l);
        c.setUserData(title);
        c.setText(null);
        return c;
    }

    /** The title of a column made by {@link #wrapHeader}, or its text. */
    public static String title(TableColumn<?, ?> c) {
        return c.getUserData() instanceof String s ? s : c.getText();
    }

    /**
     * Sets each column's minimum width to its longest header word and widest cell, and its preferred width to
     * room for the whole header on one line where that is not absurd. Call after the items change; it is
     * also run again once the table is shown (fonts are known only then).
     */
    public static void fit(TableView<?> t) {
        if (t.getSkin() == null && !Boolean.TRUE.equals(t.getProperties().get("tableFit.pending"))) {
            t.getProperties().put("tableFit.pending", true);
            t.skinProperty().addListener((o, a, b) -> {
                if (b != null) Platform.runLater(() -> fitNow(t));
            });
        }
        fitNow(t);
    }

    private static void fitNow(TableView<?> t) {
        Font[] fonts = fonts(t);
        Font header = fonts[0], cell = fonts[1];
        int rows = Math.min(MAX_ROWS, t.getItems().size());
        for (TableColumn<?, ?> c : leaves(t.getColumns())) {
            String title = title(c);
            double words = longestWord(title, header);
            double whole = width(title == null ? "" : title, header);
            double cells = 0;
            for (int i = 0; i < rows; i++) {
                Object v = c.getCellData(i);
                if (v != null) cells = Math.max(cells, width(v.toString(), cell));
            }
            double min = Math.ceil(Math.max(words + HEADER_PAD, cells + CELL_PAD));
            c.setMinWidth(min);
            c.setPrefWidth(Math.max(min, Math.min(MAX_PREF, Math.ceil(Math.max(whole + HEADER_PAD, cells + CELL_PAD)))));
        }
    }

    private static List<TableColumn<?, ?>> leaves(List<? extends TableColumn<?, ?>> columns) {
        List<TableColumn<?, ?>> out = new ArrayList<>();
        for (TableColumn<?, ?> c : columns) {
            if (c.getColumns().isEmpty()) out.add(c); else out.addAll(leaves(c.getColumns()));
        }
        return out;
    }

    /** The font of the wrapped headers and of the cells (the header label's own label holds the table's size). */
    private static Font[] fonts(TableView<?> t) {
        for (TableColumn<?, ?> c : leaves(t.getColumns())) {
            if (c.getGraphic() instanceof Label l && l.getScene() != null && l.getParent() instanceof Labeled outer) {
                outer.applyCss();
                l.applyCss();
                Font o = outer.getFont();
                return new Font[]{l.getFont(), Font.font(o.getFamily(), FontWeight.NORMAL, o.getSize())};
            }
        }
        // the theme's 14px text when the table is not shown yet; fitted again when it is
        Font d = Font.getDefault();
        double size = Math.max(14, d.getSize());
        return new Font[]{Font.font(d.getFamily(), FontWeight.BOLD, size), Font.font(d.getFamily(), FontWeight.NORMAL, size)};
    }

    /** The width of the widest word of {@code s} (split at spaces and after slashes and hyphens). */
    static double longestWord(String s, Font f) {
        double w = 0;
        for (String word : words(s)) w = Math.max(w, width(word, f));
        return w;
    }

    static List<String> words(String s) {
        if (s == null || s.isBlank()) return List.of();
        return List.of(s.trim().split("\\s+"));
    }

    static double width(String s, Font f) {
        MEASURE.setFont(f);
        MEASURE.setText(s);
        return MEASURE.getLayoutBounds().getWidth();
    }

    /** A label whose preferred height follows its preferred width, so that the header grows to the wrapped lines. */
    private static final class WrapLabel extends Label {
        WrapLabel(String text) { super(text); }

        @Override
        protected double computePrefHeight(double width) {
            return super.computePrefHeight(width < 0 ? getPrefWidth() : width);
        }

        @Override
        protected double computeMinHeight(double width) {
            return computePrefHeight(width);
        }
    }
}
