package io.iotj.connect;

/**
 * A message a source could not read, as it goes to the source's {@code errors} output: the graph
 * goes on, and nothing is lost without a trace.
 *
 * @param source  the source's address ({@code mqtt://127.0.0.1:1883 plant/+/temp})
 * @param key     where it came from (the MQTT topic, the file), or {@code null}
 * @param raw     the message's text (cut at 1000 characters)
 * @param reason  why it could not be read ({@code not a number: "hot"}, {@code no field temp})
 * @param arrival when it arrived, in milliseconds since the epoch
 */
public record PayloadError(String source, String key, String raw, String reason, long arrival) {
    /** The most characters of a bad message kept. */
    public static final int MAX_RAW = 1000;

    /** An error keeping at most {@link #MAX_RAW} characters of the raw text. */
    public static PayloadError of(String source, String key, String raw, String reason, long arrival) {
        String r = raw == null ? "" : raw.length() > MAX_RAW ? raw.substring(0, MAX_RAW) + "…" : raw;
        return new PayloadError(source, key, r, reason, arrival);
    }
}
