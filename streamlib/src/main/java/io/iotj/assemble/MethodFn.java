package io.iotj.assemble;

import java.lang.reflect.Method;

/**
 * A function backed by one compiled method whose parameter types say what it takes, such as a
 * method defined in a notebook cell (the kernel's {@code NotebookFunction}). Callers that choose
 * how to call a function from its parameters (the ML leaves pick a training shape) read them from
 * {@link #method()} and still call through {@link #call}, which runs the method the way its owner
 * wants it run.
 */
public interface MethodFn extends Fn {
    /** The compiled method; for its parameter and return types, not for calling it directly. */
    Method method();
}
