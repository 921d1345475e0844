package io.iotj.magics.resolve;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NotebookResolverTest {
    /** Stand-ins for methods defined in notebook cells. */
    public static final class Cells {
        public static int times_two(int x) {
            return 2 * x;
        }

        public static double times_two(double x) {
            return 2.5 * x;
        }

        public static int iden(int x) {
            return x;
        }

        public static int boom(int x) {
            throw new IllegalStateException("bad value " + x);
        }
    }

    static class FakeSession implements NotebookResolver.Session {
        final Map<String, Object> vars = new HashMap<>();
        final AtomicInteger outside = new AtomicInteger();

        @Override
        public List<Method> methods(String name) {
            List<Method> out = new ArrayList<>();
            for (Method m : Cells.class.getDeclaredMethods()) {
                if (m.getName().equals(name)) {
                    out.add(m);
                }
            }
            return out;
        }

        @Override
        public Optional<Object> variable(String name) {
            return vars.containsKey(name) ? Optional.ofNullable(vars.get(name)) : Optional.empty();
        }

        @Override
        public Collection<String> names() {
            List<String> n = new ArrayList<>(List.of("times_two", "iden", "boom"));
            n.addAll(vars.keySet());
            return n;
        }

        @Override
        public ClassLoader loader() {
            return getClass().getClassLoader();
        }

        @Override
        public <T> T outsideCell(Callable<T> work) throws Exception {
            outside.incrementAndGet();
            return work.call();
        }
    }

    static final NotebookResolver.Builtins BUILTINS = new NotebookResolver.Builtins() {
        @Override
        public Optional<Invoker> find(String name) {
            if (!name.equals("negate")) {
                return Optional.empty();
            }
            return Optional.of(new Invoker() {
                @Override
                public String describe() {
                    return "built-in negate";
                }

                @Override
                public Object call(Object... args) {
                    return -((Number) args[0]).intValue();
                }
            });
        }

        @Override
        public Collection<String> names() {
            return List.of("negate", "sum");
        }
    };

    final FakeSession session = new FakeSession();
    final NotebookResolver resolver = new NotebookResolver(session, BUILTINS);

    @Test
    void notebookMethodsAreCalledOutsideAnyCellWithTheBestOverload() throws Exception {
        Invoker f = resolver.resolve("times_two");
        assertEquals(4, f.call(2));
        assertEquals(5.0, f.call(2.0));
        assertEquals(4, resolver.resolve("iden").call(4L), "a long fits an int parameter");
        assertEquals(3, session.outside.get());
    }

    /** A method that takes arrays, as the ML leaves' functions do. */
    public static final class Arrays2 {
        public static double total(double[] xs) {
            double t = 0;
            for (double x : xs) {
                t += x;
            }
            return t;
        }
    }

    @Test
    void valuesThatFitNoOverloadAreConvertedOrRefusedInTheLibrarysWords() throws Exception {
        Invoker total = resolver.resolve(Arrays2.class.getName() + ".total");
        assertEquals(6.0, total.call(List.of(1, 2, 3)), "a list of numbers becomes a double[]");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> total.call("x"));
        assertTrue(e.getMessage().contains("cannot take arguments"), e.getMessage());
        IllegalArgumentException arity = assertThrows(IllegalArgumentException.class,
                () -> resolver.resolve("iden").call(1, 2));
        assertTrue(arity.getMessage().contains("cannot take arguments"), arity.getMessage());
    }

    @Test
    void theUsersExceptionComesThroughUnchanged() throws Exception {
        Invoker f = resolver.resolve("boom");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> f.call(7));
        assertEquals("bad value 7", e.getMessage());
    }

    @Test
    void variablesHoldingFunctionsAreCalled() throws Exception {
        session.vars.put("inc", (Function<Integer, Integer>) x -> x + 1);
        session.vars.put("sq", (IntUnaryOperator) x -> x * x);
        assertEquals(6, resolver.resolve("inc").call(5));
        assertEquals(25, resolver.resolve("sq").call(5));
    }

    @Test
    void aVariableHoldingSomethingElseIsAClearError() {
        session.vars.put("words", List.of("a"));
        NotebookResolver.UnresolvedException e = assertThrows(NotebookResolver.UnresolvedException.class,
                () -> resolver.resolve("words"));
        assertTrue(e.getMessage().contains("not a function"), e.getMessage());
    }

    @Test
    void notebookMethodsComeBeforeVariablesAndVariablesBeforeBuiltins() throws Exception {
        session.vars.put("times_two", (Function<Integer, Integer>) x -> -1);
        assertEquals(4, resolver.resolve("times_two").call(2));
        session.vars.put("negate", (Function<Integer, Integer>) x -> 100);
        assertEquals(100, resolver.resolve("negate").call(2));
        session.vars.remove("negate");
        assertEquals(-2, resolver.resolve("negate").call(2));
    }

    @Test
    void fullyQualifiedStaticMethodsResolve() throws Exception {
        assertEquals(3, resolver.resolve("java.lang.Math.abs").call(-3));
        assertEquals(2.5, resolver.resolve("java.lang.Math.abs").call(-2.5));
        assertThrows(NotebookResolver.UnresolvedException.class, () -> resolver.resolve("java.lang.Math.nothing"));
    }

    @Test
    void aMethodThatCannotBeCalledYetSaysWhy() {
        NotebookResolver r = new NotebookResolver(new FakeSession() {
            @Override
            public String unusable(String name) {
                return name.equals("fit") ? "the notebook method fit(double[])double cannot be called yet" : null;
            }
        }, BUILTINS);
        NotebookResolver.UnresolvedException e = assertThrows(NotebookResolver.UnresolvedException.class,
                () -> r.resolve("fit"));
        assertTrue(e.getMessage().contains("cannot be called yet"), e.getMessage());
    }

    @Test
    void unknownNamesListNearMatches() {
        NotebookResolver.UnresolvedException e = assertThrows(NotebookResolver.UnresolvedException.class,
                () -> resolver.resolve("time_two"));
        assertEquals("times_two", e.near().get(0));
        assertTrue(e.getMessage().contains("did you mean times_two"), e.getMessage());
    }
}
