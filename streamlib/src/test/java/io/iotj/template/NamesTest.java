package io.iotj.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamesTest {

    private static final List<String> KNOWN = List.of("map", "zip", "mix", "times_two", "train", "predict", "Max");

    @Test
    void slipsAreSuggestedNearestFirstAndNeverTheNameItself() {
        assertEquals(List.of("times_two"), Names.nearMatches("times_tow", KNOWN, 3)); // a swap is one edit
        assertEquals(List.of("predict"), Names.nearMatches("predikt", KNOWN, 3));
        assertEquals(List.of("map", "Max"), Names.nearMatches("MAP", KNOWN, 3)); // case is ignored
        assertEquals(List.of("train"), Names.nearMatches("trai", KNOWN, 3));
        assertEquals(List.of("zip"), Names.nearMatches("zipp", List.of("zip", "zipp"), 3));
        assertEquals(List.of(), Names.nearMatches("filter", KNOWN, 3));
    }

    @Test
    void shortNamesAllowOneEditAndTheCountIsCapped() {
        assertEquals(List.of("Max", "map", "mix"), Names.nearMatches("max", KNOWN, 3)); // times_two is too far
        assertEquals(List.of("Max"), Names.nearMatches("max", KNOWN, 1));
        assertEquals(List.of(), Names.nearMatches("ab", KNOWN, 3));
    }

    @Test
    void suggestionsReadAsAList() {
        assertEquals("", Names.orList(List.of()));
        assertEquals("map", Names.orList(List.of("map")));
        assertEquals("map, mix or Max", Names.orList(List.of("map", "mix", "Max")));
    }
}
