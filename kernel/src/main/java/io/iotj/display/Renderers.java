package io.iotj.display;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry of renderers, looked up by the value's class: the class itself, then its
 * superclasses, each followed by the interfaces it implements. The most specific match
 * wins; registering again for the same class replaces the earlier renderer. Other modules
 * add renderers here (Tablesaw tables, XChart charts); cell results and
 * {@link Display#display(Object, String...)} both go through it.
 */
public final class Renderers {
    private final Map<Class<?>, Renderer<?>> byClass = new ConcurrentHashMap<>();

    /** A registry with the built-in renderers (text, arrays, images, {@link MimeBundle}). */
    public static Renderers withBuiltins() {
        Renderers r = new Renderers();
        BuiltinRenderers.registerAll(r);
        return r;
    }

    /** Registers {@code renderer} for {@code type} and its subtypes. */
    public <T> void register(Class<T> type, Renderer<? super T> renderer) {
        byClass.put(type, renderer);
    }

    /** Removes the renderer registered for exactly {@code type}. */
    public void unregister(Class<?> type) {
        byClass.remove(type);
    }

    /**
     * Renders {@code value}. With {@code mimeTypes} given, only those representations are
     * kept; when none of them is available the plain-text one is kept so nothing is blank.
     * A failing renderer gives the value's {@code toString()} and the failure as text.
     */
    public MimeBundle render(Object value, String... mimeTypes) {
        MimeBundle full = renderAll(value);
        if (mimeTypes == null || mimeTypes.length == 0) return full;
        List<String> wanted = Arrays.asList(mimeTypes);
        MimeBundle kept = full.only(wanted);
        if (kept.isEmpty() && full.get(MimeBundle.TEXT) != null) {
            kept.put(MimeBundle.TEXT, full.get(MimeBundle.TEXT));
        }
        return kept;
    }

    private MimeBundle renderAll(Object value) {
        if (value == null) return MimeBundle.text("null");
        Renderer<Object> renderer = find(value.getClass());
        if (renderer != null) {
            try {
                MimeBundle out = renderer.render(value);
                if (out != null) return out;
            } catch (Exception | LinkageError e) {
                return MimeBundle.text(safeToString(value) + "\n(rendering failed: " + e + ")");
            }
        }
        return MimeBundle.text(safeToString(value));
    }

    @SuppressWarnings("unchecked")
    private Renderer<Object> find(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            Renderer<?> r = byClass.get(c);
            if (r != null) return (Renderer<Object>) r;
            Renderer<?> viaInterface = findInterface(c);
            if (viaInterface != null) return (Renderer<Object>) viaInterface;
        }
        return null;
    }

    private Renderer<?> findInterface(Class<?> c) {
        Deque<Class<?>> todo = new ArrayDeque<>(Arrays.asList(c.getInterfaces()));
        Set<Class<?>> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            Class<?> i = todo.poll();
            if (!seen.add(i)) continue;
            Renderer<?> r = byClass.get(i);
            if (r != null) return r;
            todo.addAll(Arrays.asList(i.getInterfaces()));
        }
        return null;
    }

    static String safeToString(Object value) {
        try {
            if (value != null && value.getClass().isArray()) {
                String s = Arrays.deepToString(new Object[]{value});
                return s.substring(1, s.length() - 1);
            }
            return String.valueOf(value);
        } catch (RuntimeException e) {
            return value.getClass().getName() + " (toString failed: " + e + ")";
        }
    }
}
