package io.iotj.kernel.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

class ValueSummariesTest {
    private final ValueSummaries summaries = new ValueSummaries();

    @Test
    void valuesAreShownShortAndOnOneLine() {
        assertEquals("null", summaries.summarize(null));
        assertEquals("42", summaries.summarize(42));
        assertEquals("\"north\"", summaries.summarize("north"));
        assertEquals("int[7] {1, 2, 3, 4, 5, …}", summaries.summarize(new int[] {1, 2, 3, 4, 5, 6, 7}));
        assertEquals("ArrayList of 2 [\"a\", \"b\"]", summaries.summarize(new ArrayList<>(List.of("a", "b"))));
        assertEquals("TreeMap of 1 {\"k\"=1.5}", summaries.summarize(new TreeMap<>(Map.of("k", 1.5))));
        String longText = summaries.summarize("x".repeat(500));
        assertEquals(ValueSummaries.MAX_LENGTH, longText.length());
        assertTrue(longText.endsWith("…"));
        assertEquals("line one ⏎ line two", summaries.summarize(new Object() {
            @Override
            public String toString() {
                return "line one\nline two";
            }
        }));
        assertTrue(summaries.summarize(new Object()).startsWith("a java.lang.Object"));
    }

    /** A registered summary wins over toString, also for subtypes. */
    @Test
    void registeredTypesUseTheirSummary() {
        summaries.register(CharSequence.class, s -> "text of " + s.length());
        assertEquals("text of 3", summaries.summarize(new StringBuilder("abc")));
    }

    @Test
    void aToStringThatHangsCannotHangTheTable() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        Object stuck = new Object() {
            @Override
            public String toString() {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "never";
            }
        };
        String s = summaries.summarize(stuck);
        assertTrue(s.contains("toString did not answer within"), s);
        never.countDown();
    }
}
