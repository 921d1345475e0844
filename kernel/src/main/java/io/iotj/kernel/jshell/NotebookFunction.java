package io.iotj.kernel.jshell;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * A method defined in a notebook cell, callable from any thread (e.g. a stream graph's).
 * It stays bound to the definition that existed when it was looked up; look it up again after a redefinition.
 * Calls run outside any cell, so interrupting a cell never stops them.
 *
 * @param name      the method's name
 * @param signature JShell's signature, e.g. {@code (double)double}
 * @param method    the compiled static method
 */
public record NotebookFunction(String name, String signature, Method method) {

    public NotebookFunction {
        if (!Modifier.isStatic(method.getModifiers())) {
            throw new IllegalArgumentException("not a static method: " + method);
        }
        method.setAccessible(true);
    }

    /** Number of parameters. */
    public int arity() {
        return method.getParameterCount();
    }

    /**
     * Calls the method. The user's exception is rethrown as it is (checked ones included).
     *
     * @param args the arguments; primitives boxed
     */
    public Object call(Object... args) throws Exception {
        return StopCheck.outsideCell(() -> {
            try {
                return method.invoke(null, args);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (cause instanceof Exception ex) {
                    throw ex;
                }
                throw (Error) cause;
            }
        });
    }
}
