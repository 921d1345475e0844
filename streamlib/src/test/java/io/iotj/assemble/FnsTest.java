package io.iotj.assemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.Method;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class FnsTest {
    /** A user's own function type: not marked, not the JDK's. */
    public interface Scorer {
        double score(double x);
    }

    /** A function object that is also comparable: the function is the user's interface. */
    public static final class Halver implements Comparable<Halver>, Scorer {
        @Override
        public int compareTo(Halver o) {
            return 0;
        }

        @Override
        public double score(double x) {
            return x / 2;
        }
    }

    /** Iterable has one abstract method, but an Iterable is not a function. */
    public static final class Numbers implements Iterable<Integer> {
        @Override
        public Iterator<Integer> iterator() {
            return List.of(1, 2).iterator();
        }
    }

    @Test
    void anObjectIsCalledThroughTheInterfaceMeantAsAFunction() {
        Method m = Fns.functionMethodOf(new Halver());
        assertEquals("score", m.getName());
        assertEquals(2.0, Fns.adapt(new Halver()).call(4.0));
        assertNull(Fns.functionMethodOf(new Numbers()), "a JDK interface without @FunctionalInterface is no function");
        assertNull(Fns.adapt(new Numbers()));
        assertEquals("apply", Fns.functionMethodOf((java.util.function.IntUnaryOperator) x -> x).getName().substring(0, 5));
    }

    @Test
    void theSingleAbstractMethodCountsARedeclarationOnce() {
        interface Base {
            Object make();
        }
        interface Narrowed extends Base {
            @Override
            Object make();
        }
        assertEquals("make", Fns.singleAbstractMethod(Narrowed.class).getName());
        assertNull(Fns.singleAbstractMethod(List.class), "many abstract methods");
    }
}
