package io.iotj.connect;

import io.iotj.stream.Event;
import io.iotj.stream.Tuple;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A topic or routing key that may name parts of the value it is made for: {@code alerts/{key}}
 * (an event's key), {@code alerts/{key[1]}} (the key's second {@code /}-separated level),
 * {@code plant/{device}/temp} (a field of a map or record value), {@code out/{0}} (a tuple's first
 * item).
 */
public final class TopicTemplate {
    private final String text;
    private final List<Object> pieces; // String literals and Ref placeholders

    private record Ref(String name, int level) { }

    private TopicTemplate(String text, List<Object> pieces) {
        this.text = text;
        this.pieces = pieces;
    }

    /**
     * Reads a template.
     *
     * @throws IllegalArgumentException naming the column of a brace that is not closed or empty
     */
    public static TopicTemplate of(String text) {
        List<Object> pieces = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '{') {
                lit.append(c);
                continue;
            }
            int end = text.indexOf('}', i);
            if (end < 0) {
                throw new IllegalArgumentException("the { at column " + (i + 1) + " of \"" + text + "\" is not closed");
            }
            String ref = text.substring(i + 1, end).strip();
            if (ref.isEmpty()) {
                throw new IllegalArgumentException("the {} at column " + (i + 1) + " of \"" + text + "\" names nothing; "
                        + "write {key}, {key[1]}, a field name or a tuple index");
            }
            int level = -1;
            if (ref.matches("\\w+\\[\\d+]")) {
                level = Integer.parseInt(ref.substring(ref.indexOf('[') + 1, ref.length() - 1));
                ref = ref.substring(0, ref.indexOf('['));
            }
            if (!lit.isEmpty()) {
                pieces.add(lit.toString());
                lit.setLength(0);
            }
            pieces.add(new Ref(ref, level));
            i = end;
        }
        if (!lit.isEmpty()) {
            pieces.add(lit.toString());
        }
        return new TopicTemplate(text, List.copyOf(pieces));
    }

    /** True when the template names nothing of the value. */
    public boolean isConstant() {
        return pieces.stream().allMatch(p -> p instanceof String);
    }

    /**
     * The topic for {@code value}.
     *
     * @throws IllegalArgumentException when the value has no such part
     */
    public String apply(Object value) {
        if (isConstant()) {
            return text;
        }
        StringBuilder b = new StringBuilder();
        for (Object p : pieces) {
            if (p instanceof String s) {
                b.append(s);
            } else {
                Ref r = (Ref) p;
                String v = String.valueOf(lookup(value, r.name()));
                if (r.level() >= 0) {
                    String[] levels = v.split("/", -1);
                    if (r.level() >= levels.length) {
                        throw new IllegalArgumentException(r.name() + " \"" + v + "\" has no level " + r.level());
                    }
                    v = levels[r.level()];
                }
                b.append(v);
            }
        }
        return b.toString();
    }

    private static Object lookup(Object value, String name) {
        if (value instanceof Event<?> e) {
            if (name.equals("key")) {
                if (e.key() == null) {
                    throw new IllegalArgumentException("the value has no key");
                }
                return e.key();
            }
            return lookup(e.value(), name);
        }
        if (name.chars().allMatch(Character::isDigit)) {
            List<?> items = Tuple.itemsOf(value);
            int i = Integer.parseInt(name);
            if (items == null || i >= items.size()) {
                throw new IllegalArgumentException("the value " + shown(value) + " has no item " + i);
            }
            return items.get(i);
        }
        if (value instanceof Map<?, ?> m && m.containsKey(name)) {
            return m.get(name);
        }
        if (value instanceof Record r) {
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                if (c.getName().equals(name)) {
                    try {
                        c.getAccessor().setAccessible(true);
                        return c.getAccessor().invoke(r);
                    } catch (ReflectiveOperationException | RuntimeException ex) {
                        break;
                    }
                }
            }
        }
        throw new IllegalArgumentException("the value " + shown(value) + " has no field " + name);
    }

    private static String shown(Object v) {
        String s = String.valueOf(v);
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    @Override
    public String toString() {
        return text;
    }
}
