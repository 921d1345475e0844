package io.iotj.magics.chart;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TickFormatTest {

    @Test
    void floatingPointNoiseIsNotPrinted() {
        assertEquals("137.6", TickFormat.number(137.60000000000002));
        assertEquals("450.4", TickFormat.number(450.3999999999915));
        assertEquals("0.3", TickFormat.number(0.1 + 0.2));
        assertEquals("0", TickFormat.number(-0.0));
    }

    @Test
    void ticksOfAnAxisShareTheDecimalsOfItsStep() {
        TickFormat.Unit plain = TickFormat.of(1.5);
        assertEquals("1.0", plain.label(1.0, 0.5));
        assertEquals("1.5", plain.label(1.5, 0.5));
        assertEquals("0.0025", plain.label(0.0025, 0.0005));
        assertEquals("0.0030", plain.label(0.003, 0.0005));
        assertEquals("12,345.6", TickFormat.of(12_346).label(12_345.6, 0.1));
        assertEquals("120", plain.label(120, 20), "whole steps, whole numbers");
    }

    @Test
    void largeAndTinyMagnitudesGetAUnit() {
        assertEquals("2.5M", TickFormat.of(3e6).label(2.5e6, 5e5));
        assertEquals("40M", TickFormat.of(9.9e7).label(4e7, 2e7));
        assertEquals("1.5G", TickFormat.of(2e9).label(1.5e9, 5e8));
        assertEquals("-4e-7", TickFormat.of(5e-7).label(-4e-7, 2e-7));
        assertEquals("12,000", TickFormat.of(50_000).label(12_000, 2_000), "below a million: grouped");
    }
}
