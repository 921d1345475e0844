package io.iotj.kernel.history;

import io.github.spencerpark.jupyter.kernel.history.HistoryEntry;
import io.github.spencerpark.jupyter.kernel.history.HistoryManager.ResultFlag;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class SessionHistoryTest {
    private static final Set<ResultFlag> NONE = EnumSet.noneOf(ResultFlag.class);

    private static SessionHistory sample() {
        SessionHistory h = new SessionHistory(100);
        h.add(1, "int a = 1;", "");
        h.add(2, "a + 1", "2");
        h.add(3, "System.out.println(a);", "");
        h.add(4, "a + 1", "2");
        h.add(5, "String s = \"x\";", "");
        return h;
    }

    private static List<String> inputs(List<HistoryEntry> entries) {
        return entries.stream().map(HistoryEntry::getInput).toList();
    }

    @Test
    void tailGivesTheLastCellsOldestFirst() {
        List<HistoryEntry> tail = sample().lookupTail(2, NONE);
        assertEquals(List.of("a + 1", "String s = \"x\";"), inputs(tail));
        assertEquals(List.of(4, 5), tail.stream().map(HistoryEntry::getCellNumber).toList());
        assertTrue(tail.stream().allMatch(e -> e.getSession() == SessionHistory.SESSION && !e.hasOutput()));
    }

    @Test
    void rangeIsStartInclusiveStopExclusiveAndAcceptsSessionZeroOrOurs() {
        assertEquals(List.of("a + 1", "System.out.println(a);"), inputs(sample().lookupRange(0, 2, 4, NONE)));
        assertEquals(List.of("a + 1", "System.out.println(a);"),
                inputs(sample().lookupRange(SessionHistory.SESSION, 2, 4, NONE)));
        assertEquals(List.of(), sample().lookupRange(-1, 2, 4, NONE), "earlier sessions are not kept");
    }

    @Test
    void searchMatchesAWholeInputGlobAndHonoursUniqueAndLength() {
        SessionHistory h = sample();
        assertEquals(List.of("a + 1", "a + 1"), inputs(h.search("a*", 10, NONE)));
        assertEquals(List.of("a + 1"), inputs(h.search("a*", 10, EnumSet.of(ResultFlag.UNIQUE))));
        assertEquals(List.of("String s = \"x\";"), inputs(h.search("*s = ?x?;", 10, NONE)));
        assertEquals(List.of("System.out.println(a);"), inputs(h.search("[S]ystem*", 10, NONE)));
        assertEquals(List.of("String s = \"x\";"), inputs(h.search("[^a-z]*", 1, NONE)), "length keeps the latest");
        assertEquals(List.of(), inputs(h.search("A*", 10, NONE)), "glob is case-sensitive");
    }

    @Test
    void outputIsIncludedOnRequest() {
        List<HistoryEntry> e = sample().lookupRange(0, 2, 3, EnumSet.of(ResultFlag.INCLUDE_OUTPUT));
        assertEquals("2", e.get(0).getOutput());
    }

    @Test
    void onlyTheMostRecentCellsAreKept() {
        SessionHistory h = new SessionHistory(3);
        for (int i = 1; i <= 10; i++) h.add(i, "cell " + i, "");
        assertEquals(3, h.size());
        assertEquals(List.of("cell 8", "cell 9", "cell 10"), inputs(h.lookupTail(100, NONE)));
    }
}
