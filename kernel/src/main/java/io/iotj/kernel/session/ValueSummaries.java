package io.iotj.kernel.session;

import java.lang.reflect.Array;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.ConcurrentModificationException;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One short line per value, for tables of the session's variables ({@code %vars}): numbers and
 * text as they are, collections and arrays by size and first items, and the types extensions
 * register (a running graph by its status). Anything else by its own {@code toString}, which is
 * the user's code: given {@value #TO_STRING_MILLIS} ms, so that one that hangs cannot hang the kernel.
 */
public final class ValueSummaries {
    /** How long a value's own toString may take. */
    public static final long TO_STRING_MILLIS = 300;
    /** The longest summary shown; longer ones end with an ellipsis. */
    public static final int MAX_LENGTH = 80;
    private static final int ITEMS = 5;

    private final Map<Class<?>, Function<Object, String>> byClass = new ConcurrentHashMap<>();

    /** Summarizes values of {@code type} (and its subtypes) with {@code summary}. */
    @SuppressWarnings("unchecked")
    public <T> void register(Class<T> type, Function<? super T, String> summary) {
        byClass.put(type, (Function<Object, String>) summary);
    }

    /** The value in one line of at most {@link #MAX_LENGTH} characters. */
    public String summarize(Object value) {
        return clip(oneLine(summaryOf(value)));
    }

    private String summaryOf(Object value) {
        if (value == null) {
            return "null";
        }
        Function<Object, String> own = find(value.getClass());
        if (own != null) {
            try {
                return own.apply(value);
            } catch (RuntimeException e) {
                return "a " + value.getClass().getSimpleName() + " (its summary failed: " + e + ")";
            }
        }
        if (value instanceof CharSequence s) {
            return "\"" + clip(s.toString()) + "\"";
        }
        if (value instanceof Number || value instanceof Boolean || value instanceof Character
                || value instanceof Enum<?>) {
            return String.valueOf(value);
        }
        if (value.getClass().isArray()) {
            int n = Array.getLength(value);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < Math.min(n, ITEMS); i++) {
                sb.append(i == 0 ? "" : ", ").append(shortItem(Array.get(value, i)));
            }
            String type = value.getClass().getComponentType().getSimpleName();
            return type + "[" + n + "] {" + sb + (n > ITEMS ? ", …" : "") + "}";
        }
        if (value instanceof Collection<?> c) {
            return sized(value, c.size(), c.iterator(), "[", "]");
        }
        if (value instanceof Map<?, ?> m) {
            return sized(value, m.size(), m.entrySet().iterator(), "{", "}");
        }
        return boundedToString(value);
    }

    private Function<Object, String> find(Class<?> type) {
        Deque<Class<?>> pending = new ArrayDeque<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            Function<Object, String> f = byClass.get(c);
            if (f != null) {
                return f;
            }
            pending.addAll(Arrays.asList(c.getInterfaces()));
        }
        Set<Class<?>> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            Class<?> i = pending.poll();
            if (seen.add(i)) {
                Function<Object, String> f = byClass.get(i);
                if (f != null) {
                    return f;
                }
                pending.addAll(Arrays.asList(i.getInterfaces()));
            }
        }
        return null;
    }

    private static String sized(Object value, int size, Iterator<?> items, String open, String close) {
        StringBuilder sb = new StringBuilder();
        try {
            for (int i = 0; i < ITEMS && items.hasNext(); i++) {
                Object item = items.next();
                sb.append(i == 0 ? "" : ", ").append(item instanceof Map.Entry<?, ?> e
                        ? shortItem(e.getKey()) + "=" + shortItem(e.getValue()) : shortItem(item));
            }
        } catch (ConcurrentModificationException e) {
            sb.append("…changing");
        }
        return value.getClass().getSimpleName() + " of " + size + " " + open + sb + (size > ITEMS ? ", …" : "") + close;
    }

    private static String shortItem(Object item) {
        if (item == null || item instanceof Number || item instanceof Boolean || item instanceof Character) {
            return String.valueOf(item);
        }
        if (item instanceof CharSequence s) {
            return "\"" + (s.length() > 20 ? s.subSequence(0, 20) + "…" : s) + "\"";
        }
        return item.getClass().getSimpleName();
    }

    /** The value's own toString when it has one and answers in time; else its class. */
    private static String boundedToString(Object value) {
        String plain = "a " + value.getClass().getName();
        try {
            if (value.getClass().getMethod("toString").getDeclaringClass() == Object.class) {
                return plain;
            }
        } catch (NoSuchMethodException e) {
            return plain;
        }
        String[] text = new String[1];
        Thread t = new Thread(() -> {
            try {
                text[0] = String.valueOf(value);
            } catch (RuntimeException | LinkageError e) {
                text[0] = plain + " (toString failed: " + e + ")";
            }
        }, "iotj-value-summary");
        t.setDaemon(true);
        t.start();
        try {
            t.join(TO_STRING_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // join and isAlive make the thread's write visible once it has ended
        return t.isAlive() || text[0] == null
                ? plain + " (toString did not answer within " + TO_STRING_MILLIS + " ms)" : text[0];
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s*\\R\\s*", " ⏎ ");
    }

    private static String clip(String s) {
        return s.length() <= MAX_LENGTH ? s : s.substring(0, MAX_LENGTH - 1) + "…";
    }
}
