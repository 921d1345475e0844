package io.iotj.magics.live;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RateMeterTest {
    static final long S = 1_000_000_000L;

    @Test
    void measuresOverTheRecentWindowAndForgetsOlderBursts() {
        RateMeter m = new RateMeter(2 * S);
        long count = 0;
        // 1000/s for 5 s, sampled every 250 ms.
        for (long t = 0; t <= 5 * S; t += S / 4) {
            assertEquals(t == 0 ? 0 : 1000, m.sample(t, count), 1e-9);
            count += 250;
        }
        // Then nothing for 3 s: the burst ages out of the window.
        long end = count - 250;
        double r = 0;
        for (long t = 5 * S + S / 4; t <= 8 * S; t += S / 4) {
            r = m.sample(t, end);
        }
        assertEquals(0, r, 1e-9);
    }
}
