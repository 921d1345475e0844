package io.iotj.connect.mqtt;

/** An MQTT broker that cannot be reached or refuses; the message names it, never its password. */
public final class MqttException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MqttException(String message, Throwable cause) {
        super(message, cause);
    }
}
