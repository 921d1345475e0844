package io.iotj.kernel.output;

/** A run of text written to one stream without interruption by the other. */
record Segment(StreamName stream, String text) {
}
