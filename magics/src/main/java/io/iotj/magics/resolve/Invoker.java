package io.iotj.magics.resolve;

/**
 * A function a template names, resolved to something callable from any thread.
 *
 * @see NotebookResolver
 */
public interface Invoker {
    /** What the name resolved to, for messages: "notebook method times_two(int)int". */
    String describe();

    /**
     * Calls the function.
     *
     * @param args the arguments; primitives boxed
     * @return the result ({@code null} for {@code void})
     * @throws Exception whatever the user's code throws, unchanged
     */
    Object call(Object... args) throws Exception;
}
