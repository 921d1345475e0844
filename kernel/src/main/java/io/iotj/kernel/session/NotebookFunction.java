package io.iotj.kernel.session;

import io.iotj.assemble.MethodFn;
import io.iotj.kernel.jshell.StopCheck;

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
public record NotebookFunction(String name, String signature, Method method) implements MethodFn {

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
     * Calls the method. What the user's code throws is rethrown as it is, checked exceptions
     * included (undeclared, so that graph parts see the user's own exception).
     *
     * @param args the arguments; primitives boxed
     */
    @Override
    public Object call(Object... args) {
        try {
            return StopCheck.outsideCell(() -> {
                try {
                    return method.invoke(null, args);
                } catch (InvocationTargetException e) {
                    throw NotebookFunction.<Exception>sneaky(e.getCause());
                }
            });
        } catch (Exception e) {
            throw NotebookFunction.<RuntimeException>sneaky(e);
        }
    }

    @Override
    public String describe() {
        return "notebook method " + name + signature;
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable e) throws E {
        throw (E) e;
    }
}
