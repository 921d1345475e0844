package io.iotj.assemble;

/**
 * The implementation of a leaf template: reads its parameters from the context and attaches its
 * operator(s). Read every parameter before creating operators: when a parameter is wired to a value
 * another part has not produced yet, {@link LeafContext} throws and the assembler tries this leaf
 * again later.
 */
@FunctionalInterface
public interface Leaf {
    /** Assembles one instance of the leaf. */
    void assemble(LeafContext ctx);
}
