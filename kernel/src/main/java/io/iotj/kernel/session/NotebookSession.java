package io.iotj.kernel.session;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The notebook's Java session as extensions (the magics) see it: its variables, the methods its
 * cells defined, binding objects to names, and the cell/graph boundary. Every method may be called
 * from any thread; those that evaluate code wait while a cell runs and refuse to run from inside
 * one (that would wait for itself).
 *
 * <p>Reads ({@link #variables()}, {@link #variable}, {@link #methods()}, {@link #functions}) see the
 * session as it was after the last evaluation and never wait.
 */
public interface NotebookSession {

    /** The session's variables, in definition order. */
    List<VariableInfo> variables();

    /** Whether the session has a variable called {@code name} (its value may be null). */
    boolean hasVariable(String name);

    /** The object variable {@code name} holds now; empty when there is no such variable or it holds null. */
    Optional<Object> variable(String name);

    /** The methods defined in cells, in definition order, callable or not. */
    List<MethodInfo> methods();

    /** Every callable overload of the cell-defined method {@code name}; empty when there is none. */
    List<NotebookFunction> functions(String name);

    /**
     * Defines (or redefines) variable {@code name} holding {@code value}, declared as the most
     * specific public type of the value that cells can name.
     *
     * @throws IllegalArgumentException when {@code name} is not a Java identifier
     * @throws RuntimeException         with the compiler's message when the declaration fails
     */
    void bind(String name, Object value);

    /**
     * Defines (or redefines) variable {@code name} of type {@code type} (source form, such as
     * {@code "java.util.List<String>"}) holding {@code value}.
     */
    void bind(String name, Object value, String type);

    /**
     * Runs declarations every later cell needs (imports, typically) as if a cell had run them,
     * without a cell number or output.
     *
     * @throws RuntimeException with the compiler's message when they fail
     */
    void declare(String code);

    /**
     * The value of one Java expression, leaving no trace in the session.
     *
     * @throws IllegalArgumentException when {@code expression} is not one expression with a value
     * @throws RuntimeException         when it does not compile or throws
     */
    Object evalObject(String expression);

    /** Adds a jar or folder to the classpath of later cells. */
    void addToClasspath(String path);

    /** The class loader of cell-defined classes; it also sees jars added to the session. */
    ClassLoader classLoader();

    /**
     * The cells' sources a separate process needs to define the methods {@code functionNames}
     * itself (a remote node): every import, those methods, and the methods, classes and variables
     * they use, followed transitively, in definition order. Variables travel as their declarations.
     * Empty when no name is a cell-defined method.
     */
    List<String> sourcesFor(Collection<String> functionNames);

    /** Whether the calling thread belongs to the running cell (its own thread or one it started). */
    boolean inCell();

    /**
     * Runs {@code work} so that neither it nor the threads it starts can be stopped by
     * interrupting a cell: for long-lived work such as a stream graph started from a cell.
     */
    <T> T outsideCell(Callable<T> work) throws Exception;
}
