package io.iotj.magics.resolve;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NearMatchesTest {
    static final List<String> KNOWN = List.of("times_two", "times_three", "iden", "identity",
            "sum", "average", "print_value");

    @Test
    void typosFindTheIntendedName() {
        assertEquals("times_two", NearMatches.of("time_two", KNOWN, 3).get(0));
        assertEquals("times_two", NearMatches.of("tiems_two", KNOWN, 3).get(0));
        assertEquals("iden", NearMatches.of("idne", KNOWN, 3).get(0));
        assertEquals(List.of("identity", "iden"), NearMatches.of("identiy", KNOWN, 3));
    }

    @Test
    void unrelatedNamesFindNothing() {
        assertEquals(List.of(), NearMatches.of("frobnicate", KNOWN, 3));
        assertEquals(List.of(), NearMatches.of("x", KNOWN, 3));
    }

    @Test
    void aPartOfANameIsANearMatchAndTheLimitHolds() {
        assertEquals(List.of("print_value"), NearMatches.of("print", KNOWN, 3));
        assertEquals(2, NearMatches.of("times", KNOWN, 2).size());
    }
}
