package io.iotj.stream;

import java.util.AbstractList;
import java.util.RandomAccess;

/** An immutable list over an array the caller gives up; windows are passed to functions as these. */
final class ArrayView<T> extends AbstractList<T> implements RandomAccess {
    private final Object[] items;

    ArrayView(Object[] items) {
        this.items = items;
    }

    @SuppressWarnings("unchecked")
    @Override
    public T get(int index) {
        return (T) items[index];
    }

    @Override
    public int size() {
        return items.length;
    }
}
