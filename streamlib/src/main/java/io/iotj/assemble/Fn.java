package io.iotj.assemble;

/**
 * A function named in a template, resolved to something callable: a built-in, a static method, a
 * constructor, a method of an object, a Java functional-interface object, or (in the notebook) a
 * method defined in a cell.
 */
@FunctionalInterface
public interface Fn {
    /** Calls the function. */
    Object call(Object... args);

    /** Calls with one argument (implementations may avoid the array). */
    default Object call1(Object a) {
        return call(a);
    }

    /** A readable name for errors. */
    default String describe() {
        return toString();
    }

    /** A named function. */
    static Fn named(String name, Fn f) {
        return new Fn() {
            @Override
            public Object call(Object... args) {
                return f.call(args);
            }

            @Override
            public Object call1(Object a) {
                return f.call1(a);
            }

            @Override
            public String describe() {
                return name;
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
