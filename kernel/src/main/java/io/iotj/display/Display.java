package io.iotj.display;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;

import java.util.Objects;
import java.util.UUID;

/**
 * The display API of notebook code; every session imports it with
 * {@code import static io.iotj.display.Display.*;}.
 *
 * <pre>{@code
 * String id = display(html("<b>starting</b>"));
 * // later, from any thread, also after the cell ended:
 * updateDisplay(id, html("<b>done</b>"));
 * }</pre>
 *
 * Outside a kernel (a plain Java program) displays print their plain text to {@code System.out}.
 */
public final class Display {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();
    private static volatile Renderers renderers = Renderers.withBuiltins();
    private static volatile DisplayPublisher publisher;

    private Display() {
    }

    /** Called by the kernel at start: where displays go and which renderers to use. */
    public static void install(DisplayPublisher publisher, Renderers renderers) {
        Display.publisher = publisher;
        Display.renderers = Objects.requireNonNull(renderers);
    }

    /** The renderer registry in use. */
    public static Renderers renderers() {
        return renderers;
    }

    /**
     * Shows {@code value} below the current cell.
     *
     * @param value     anything; rendered through {@link #renderers()}
     * @param mimeTypes optional: the representations to show, such as {@code "text/html"}; text is
     *                  shown as the type named ({@code display("<b>x</b>", "text/html")} is bold x),
     *                  bytes as the image type named
     * @return the display id, for {@link #updateDisplay(String, Object)}
     * @throws IllegalArgumentException when {@code value} cannot be shown as a type named (the
     *                                  message names the type and the value's class)
     */
    public static String display(Object value, String... mimeTypes) {
        String id = UUID.randomUUID().toString();
        MimeBundle data = render(value, mimeTypes);
        DisplayPublisher p = publisher;
        if (p == null) System.out.println(data);
        else p.display(data, id);
        return id;
    }

    /**
     * Replaces what the display {@code displayId} shows by {@code value}. Works from any thread.
     *
     * @throws IllegalArgumentException when {@code displayId} is null or blank
     */
    public static void updateDisplay(String displayId, Object value, String... mimeTypes) {
        if (displayId == null || displayId.isBlank()) {
            throw new IllegalArgumentException("updateDisplay needs the id that display(...) returned, got: " + displayId);
        }
        MimeBundle data = render(value, mimeTypes);
        DisplayPublisher p = publisher;
        if (p == null) System.out.println(data);
        else p.update(data, displayId);
    }

    /** Renders {@code value} without showing it. */
    public static MimeBundle render(Object value, String... mimeTypes) {
        return renderers.render(value, mimeTypes);
    }

    /** Clears the current cell's output; with {@code wait} the clearing waits for the next output. */
    public static void clearOutput(boolean wait) {
        DisplayPublisher p = publisher;
        if (p != null) p.clearOutput(wait);
    }

    /** Clears the current cell's output at once. */
    public static void clearOutput() {
        clearOutput(false);
    }

    /** An HTML fragment to display. */
    public static MimeBundle html(String html) {
        return new MimeBundle().put(MimeBundle.HTML, html).put(MimeBundle.TEXT, html);
    }

    /** Markdown text to display. */
    public static MimeBundle markdown(String markdown) {
        return new MimeBundle().put(MimeBundle.MARKDOWN, markdown).put(MimeBundle.TEXT, markdown);
    }

    /** An SVG document to display. */
    public static MimeBundle svg(String svg) {
        return new MimeBundle().put(MimeBundle.SVG, svg).put(MimeBundle.TEXT, "SVG image, " + svg.length() + " characters");
    }

    /** PNG file bytes to display. */
    public static MimeBundle png(byte[] png) {
        return new MimeBundle().put(MimeBundle.PNG, java.util.Base64.getEncoder().encodeToString(png))
                .put(MimeBundle.TEXT, "PNG image, " + png.length + " bytes");
    }

    /**
     * A JSON value to display: a string is parsed as JSON text, anything else is converted
     * the way Gson converts objects (maps become objects, lists arrays, records objects).
     *
     * @throws IllegalArgumentException when a string is not valid JSON (with the parser's position)
     */
    public static MimeBundle json(Object value) {
        JsonElement tree;
        if (value instanceof CharSequence text) {
            try {
                tree = JsonParser.parseString(text.toString());
            } catch (JsonSyntaxException e) {
                throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
            }
        } else {
            tree = GSON.toJsonTree(value);
        }
        return new MimeBundle().put(MimeBundle.JSON, tree).put(MimeBundle.TEXT, GSON.toJson(tree));
    }
}
