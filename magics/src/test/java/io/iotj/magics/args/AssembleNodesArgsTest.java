package io.iotj.magics.args;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --nodes n1,n2}: pinning a distributed graph's parts to named nodes. */
class AssembleNodesArgsTest {

    @Test
    void readsNodeNamesInOrder() {
        AssembleArgs a = AssembleArgs.parseLine("test --mode distributed --nodes n1,node-2.lab,n_3");
        assertEquals(List.of("n1", "node-2.lab", "n_3"), a.nodes());
        assertEquals(AssembleArgs.Mode.DISTRIBUTED, a.mode());
    }

    @Test
    void withoutNodesAnyNodeMayTakeTheParts() {
        assertEquals(List.of(), AssembleArgs.parseLine("test --mode distributed").nodes());
        assertEquals(List.of(), AssembleArgs.parseLine("test").nodes());
    }

    @Test
    void nodesAloneMeansDistributed() {
        assertEquals(AssembleArgs.Mode.DISTRIBUTED, AssembleArgs.parseLine("test --nodes n1").mode());
    }

    @Test
    void nodesWithAnotherModeIsAnErrorAtTheFlag() {
        ArgException e = assertThrows(ArgException.class,
                () -> AssembleArgs.parseLine("test --mode threads --nodes n1"));
        assertTrue(e.getMessage().contains("--nodes is for --mode distributed"), e.getMessage());
        assertEquals(21, e.column());
    }

    @Test
    void badOrRepeatedNamesPointAtTheName() {
        ArgException bad = assertThrows(ArgException.class,
                () -> AssembleArgs.parseLine("test --nodes n1,n/2"));
        assertTrue(bad.getMessage().contains("\"n/2\""), bad.getMessage());
        assertEquals(17, bad.column());
        ArgException empty = assertThrows(ArgException.class,
                () -> AssembleArgs.parseLine("test --nodes n1,,n2"));
        assertEquals(17, empty.column());
        ArgException twice = assertThrows(ArgException.class,
                () -> AssembleArgs.parseLine("test --nodes n1,n2,n1"));
        assertTrue(twice.getMessage().contains("n1 is given twice"), twice.getMessage());
        assertEquals(20, twice.column());
    }

    @Test
    void nodesNeedsAValue() {
        ArgException e = assertThrows(ArgException.class, () -> AssembleArgs.parseLine("test --nodes"));
        assertTrue(e.getMessage().contains("--nodes needs a value"), e.getMessage());
    }
}
