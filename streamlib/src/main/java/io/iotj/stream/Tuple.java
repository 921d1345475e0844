package io.iotj.stream;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An immutable ordered group of values, printed like Python's tuples: {@code (2, 1)}. Zip emits
 * tuples, mix emits {@code (index, value)}, timed windows emit {@code (end, values)}.
 */
public record Tuple(List<Object> items) {
    public Tuple {
        items = Collections.unmodifiableList(Arrays.asList(items.toArray()));
    }

    /** A tuple of the given items. */
    public static Tuple of(Object... items) {
        return new Tuple(Arrays.asList(items));
    }

    /** The {@code i}-th item. */
    public Object get(int i) {
        return items.get(i);
    }

    /** The number of items. */
    public int size() {
        return items.size();
    }

    /**
     * Items of a tuple-like value: a {@code Tuple}, a {@code List}, an array, a {@code Next} or a
     * {@code Map.Entry}; {@code null} for anything else.
     */
    public static List<?> itemsOf(Object v) {
        if (v instanceof Tuple t) {
            return t.items;
        }
        if (v instanceof List<?> l) {
            return l;
        }
        if (v instanceof Object[] a) {
            return Arrays.asList(a);
        }
        if (v instanceof Next<?, ?> n) {
            return Arrays.asList(n.value(), n.state());
        }
        if (v instanceof Map.Entry<?, ?> e) {
            return Arrays.asList(e.getKey(), e.getValue());
        }
        return null;
    }

    @Override
    public String toString() {
        return items.stream().map(String::valueOf).collect(Collectors.joining(", ", "(", items.size() == 1 ? ",)" : ")"));
    }
}
