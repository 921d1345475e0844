package io.iotj.connect;

import java.util.Locale;

/** What a source does with a message when its graph has not taken the ones before it and its inbox is full. */
public enum Overflow {
    /** Wait: the sender is slowed (MQTT QoS 1 acknowledgements, RabbitMQ prefetch, a socket's TCP window). */
    BLOCK,
    /** Drop the oldest waiting message and count it: for senders that cannot be slowed (MQTT QoS 0). */
    DROP_OLDEST;

    /** Reads {@code block} or {@code drop_oldest}. */
    public static Overflow of(String word) {
        try {
            return valueOf(word.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("overflow must be \"block\" or \"drop_oldest\", was \"" + word + "\"");
        }
    }
}
