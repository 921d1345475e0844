package io.iotj.magics.args;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AssembleArgsTest {

    @Test
    void readsNameValuesAndFlags() {
        AssembleArgs a = AssembleArgs.parseLine(
                "test x=xs n=3 rate=0.5 f=times_two g=java.lang.Math.abs s=\"a b\" q='3' --as g1 --mode single");
        assertEquals("test", a.template());
        assertEquals("g1", a.as());
        assertEquals(AssembleArgs.Mode.SINGLE, a.mode());
        Map<String, ArgValue> v = a.values();
        assertEquals(List.of("x", "n", "rate", "f", "g", "s", "q"), List.copyOf(v.keySet()));
        assertEquals(new ArgValue.Name("xs", 8), v.get("x"));
        assertEquals(3L, ((ArgValue.Num) v.get("n")).value());
        assertEquals(0.5, ((ArgValue.Num) v.get("rate")).value());
        assertEquals("times_two", ((ArgValue.Name) v.get("f")).value());
        assertEquals("java.lang.Math.abs", ((ArgValue.Name) v.get("g")).value());
        assertEquals("a b", ((ArgValue.Str) v.get("s")).value());
        assertEquals("3", ((ArgValue.Str) v.get("q")).value(), "a quoted number stays a string");
    }

    @Test
    void defaultsAreThreadsAndTheTemplatesName() {
        AssembleArgs a = AssembleArgs.parseLine("  test  ");
        assertEquals(AssembleArgs.Mode.THREADS, a.mode());
        assertNull(a.as());
        assertEquals(10, a.rows());
        assertTrue(a.values().isEmpty());
    }

    @Test
    void brokerImpliesDistributed() {
        AssembleArgs a = AssembleArgs.parseLine("test --broker amqp://127.0.0.1:5672");
        assertEquals(AssembleArgs.Mode.DISTRIBUTED, a.mode());
        assertEquals("amqp://127.0.0.1:5672", a.broker());
        assertThrows(ArgException.class,
                () -> AssembleArgs.parseLine("test --mode single --broker amqp://127.0.0.1"));
    }

    @Test
    void cellFlagsHaveNoTemplateName() {
        AssembleArgs a = AssembleArgs.parseCellFlags("n=2 --as h");
        assertNull(a.template());
        assertEquals("h", a.as());
        assertEquals(2L, ((ArgValue.Num) a.values().get("n")).value());
    }

    static ArgException error(String line) {
        return assertThrows(ArgException.class, () -> AssembleArgs.parseLine(line));
    }

    @Test
    void badArgumentsNameTheirColumnWithACaret() {
        ArgException e = error("test x=\"open");
        assertEquals(8, e.column());
        assertTrue(e.getMessage().contains("not closed"));
        assertTrue(e.getMessage().endsWith("\n  test x=\"open\n         ^"), e.getMessage());

        assertEquals(6, error("test oops").column());
        assertEquals(11, error("test --as 1x").column());
        assertEquals(13, error("test --mode fast").column());
        assertTrue(error("test --mode fast").getMessage().contains("single, threads, distributed"));
        assertEquals(6, error("test --speed 3").column());
        assertEquals(1, error("").column());
        assertEquals(1, error("x=1").column());
        assertEquals(8, error("test x=").column());
        assertEquals(8, error("test x=1+2").column());
        assertEquals(10, error("test x=1 x=2").column());
        assertEquals(13, error("test --rows 0").column());
        assertTrue(error("test --as").getMessage().contains("--as needs a value"));
    }

    @Test
    void anyLineGivesArgumentsOrAPositionedErrorNothingElse() {
        String alphabet = "ab x=1.5e-3\"'\\-=_.,[]{}()%\t--as--mode--broker--rows 9";
        java.util.Random r = new java.util.Random(42);
        int errors = 0;
        for (int n = 0; n < 5000; n++) {
            StringBuilder sb = new StringBuilder();
            int len = r.nextInt(30);
            for (int i = 0; i < len; i++) {
                sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            String line = sb.toString();
            try {
                AssembleArgs.parseLine(line);
            } catch (ArgException e) {
                errors++;
                assertTrue(e.column() >= 1 && e.column() <= line.length() + 1, line + " -> " + e.column());
                assertTrue(e.getMessage().startsWith("error at column " + e.column() + ": "), e.getMessage());
                assertTrue(e.getMessage().endsWith("^"), e.getMessage());
            }
        }
        assertTrue(errors > 1000, "the generator makes bad lines too: " + errors);
    }
}
