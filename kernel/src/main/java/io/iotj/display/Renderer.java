package io.iotj.display;

/**
 * Turns a value of type {@code T} into displayable representations.
 *
 * @param <T> the class this renderer is registered for (subclasses are rendered too)
 */
@FunctionalInterface
public interface Renderer<T> {
    /**
     * @param value the value, never {@code null}
     * @return the representations; include {@code text/plain} so every frontend shows something
     * @throws Exception when rendering fails; the registry then falls back to {@code toString()}
     */
    MimeBundle render(T value) throws Exception;
}
