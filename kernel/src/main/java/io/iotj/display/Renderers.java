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
     * Renders {@code value}. With {@code mimeTypes} given, the bundle holds exactly those
     * representations, in that order of preference: text is taken as the
     * content of a textual type asked for ({@code render("<b>x</b>", "text/html")} is bold x),
     * bytes as the content of an image type, and any other value gives the representations its
     * renderer makes. A failing renderer gives the value's {@code toString()} and the failure as text.
     *
     * @throws IllegalArgumentException naming the type and the value's class when the value cannot
     *                                  be shown as a type asked for, or a type is not a MIME type
     */
    public MimeBundle render(Object value, String... mimeTypes) {
        if (mimeTypes == null || mimeTypes.length == 0) return renderAll(value);
        MimeBundle asked = new MimeBundle();
        MimeBundle full = null;
        for (String type : mimeTypes) {
            if (type == null || !type.matches("[\\w.+-]+/[\\w.+-]+")) {
                throw new IllegalArgumentException("\"" + type + "\" is not a MIME type (such as text/html or image/png)");
            }
            Object content = MimeContent.of(value, type);
            if (content == null) {
                if (full == null) full = renderAll(value);
                content = full.get(type);
            }
            if (content == null) {
                throw new IllegalArgumentException("cannot show " + describe(value) + " as " + type
                        + " (it can be shown as " + String.join(", ", full.mimeTypes()) + ")");
            }
            asked.put(type, content);
        }
        return asked;
    }

    private static String describe(Object value) {
        return value == null ? "null" : "a " + value.getClass().getName();
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
