package io.iotj.stream;

/**
 * A value together with where and when it happened: what a source reads from outside (an MQTT
 * message, a line from a socket or a file) and what event-time operators group and window.
 *
 * <p>Event time ({@code time}) is when the value was made, by the device's clock; arrival time
 * ({@code arrival}) is when iotj received it. They differ when data is late: a sensor that slept,
 * a congested network. Windows over event time give the same results whatever the arrival order.
 *
 * @param key     where it came from: a device, an MQTT topic, a file name; {@code null} when unknown
 * @param time    when it happened, in milliseconds since the epoch (the arrival time when the value
 *                carries no time of its own)
 * @param arrival when iotj received it, in milliseconds since the epoch
 * @param value   the payload: a number, a line of text, a parsed JSON object or CSV row, ...
 * @param <T>     the payload's type
 */
public record Event<T>(String key, long time, long arrival, T value) {

    /** A value that happened as it arrived, now. */
    public static <T> Event<T> now(String key, T value) {
        long t = System.currentTimeMillis();
        return new Event<>(key, t, t, value);
    }

    /** The same event carrying another payload (a parsed or computed one). */
    public <U> Event<U> withValue(U v) {
        return new Event<>(key, time, arrival, v);
    }

    /** The same event with its event time taken from the payload (a field, a column). */
    public Event<T> withTime(long eventTime) {
        return new Event<>(key, eventTime, arrival, value);
    }

    /** The same event under another key (a device named in the payload rather than the topic). */
    public Event<T> withKey(String k) {
        return new Event<>(k, time, arrival, value);
    }
}
