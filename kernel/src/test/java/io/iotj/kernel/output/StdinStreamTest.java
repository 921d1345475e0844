package io.iotj.kernel.output;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class StdinStreamTest {
    @Test
    void eachReadOfAnEmptyBufferAsksForOneLineAndNullEndsTheInput() throws Exception {
        ArrayDeque<String> answers = new ArrayDeque<>(List.of("first", "zweite Zeile é"));
        int[] asked = {0};
        StdinStream in = new StdinStream(() -> {
            asked[0]++;
            return answers.poll();
        });
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        assertEquals("first", reader.readLine());
        assertEquals("zweite Zeile é", reader.readLine());
        assertNull(reader.readLine(), "no more answers reads as end of input");
        assertEquals(3, asked[0]);
    }
}
