package io.iotj.display;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A value ready to show: one representation per MIME type (for example {@code text/plain},
 * {@code text/html}, {@code image/png} as base64) plus optional per-type metadata.
 * Values are strings, except {@code application/json} which holds a JSON tree.
 */
public final class MimeBundle {
    public static final String TEXT = "text/plain";
    public static final String HTML = "text/html";
    public static final String MARKDOWN = "text/markdown";
    public static final String SVG = "image/svg+xml";
    public static final String PNG = "image/png";
    public static final String JPEG = "image/jpeg";
    public static final String JSON = "application/json";

    private final Map<String, Object> data = new LinkedHashMap<>();
    private final Map<String, Object> metadata = new LinkedHashMap<>();

    /** A bundle holding only {@code text/plain}. */
    public static MimeBundle text(String text) {
        return new MimeBundle().put(TEXT, text);
    }

    /** Adds or replaces the representation for {@code mimeType}. */
    public MimeBundle put(String mimeType, Object value) {
        data.put(mimeType, value);
        return this;
    }

    /** Adds metadata, for example {@code image/png -> {width: 400}}. */
    public MimeBundle putMetadata(String key, Object value) {
        metadata.put(key, value);
        return this;
    }

    /** The representation for {@code mimeType}, or {@code null}. */
    public Object get(String mimeType) {
        return data.get(mimeType);
    }

    /** The MIME types present, in insertion order. */
    public Set<String> mimeTypes() {
        return Collections.unmodifiableSet(data.keySet());
    }

    /** All representations, by MIME type (read-only). */
    public Map<String, Object> data() {
        return Collections.unmodifiableMap(data);
    }

    /** All metadata (read-only). */
    public Map<String, Object> metadata() {
        return Collections.unmodifiableMap(metadata);
    }

    /** True when no representation is present. */
    public boolean isEmpty() {
        return data.isEmpty();
    }

    /** A copy restricted to {@code mimeTypes}; an empty selection means all. */
    public MimeBundle only(Collection<String> mimeTypes) {
        MimeBundle copy = new MimeBundle();
        data.forEach((k, v) -> {
            if (mimeTypes.isEmpty() || mimeTypes.contains(k)) copy.data.put(k, v);
        });
        metadata.forEach((k, v) -> {
            if (!data.containsKey(k) || mimeTypes.isEmpty() || mimeTypes.contains(k)) copy.metadata.put(k, v);
        });
        return copy;
    }

    /** Adds every representation and metadata entry of {@code other}, replacing equal keys. */
    public MimeBundle putAll(MimeBundle other) {
        data.putAll(other.data);
        metadata.putAll(other.metadata);
        return this;
    }

    /** The plain-text representation, or a list of the MIME types when there is none. */
    @Override
    public String toString() {
        Object text = data.get(TEXT);
        return text != null ? text.toString() : "MimeBundle" + data.keySet();
    }
}
