package io.segmenta.app.data;

import javafx.collections.ObservableListBase;

/**
 * The rows of a table as the list 0, 1, …, n-1 without storing them: the TableView's items. Cells read
 * their values straight from the dataset's columns by row index, so a million rows cost no memory here.
 */
public final class RowIndexList extends ObservableListBase<Integer> {
    private final int size;

    public RowIndexList(int size) {
        if (size < 0) throw new IllegalArgumentException("size < 0");
        this.size = size;
    }

    @Override
    public Integer get(int index) {
        if (index < 0 || index >= size) throw new IndexOutOfBoundsException(index);
        return index;
    }

    @Override
    public int size() { return size; }

    @Override
    public int indexOf(Object o) {
        return o instanceof Integer i && i >= 0 && i < size ? i : -1;
    }

    @Override
    public int lastIndexOf(Object o) { return indexOf(o); }

    @Override
    public boolean contains(Object o) { return indexOf(o) >= 0; }
}
