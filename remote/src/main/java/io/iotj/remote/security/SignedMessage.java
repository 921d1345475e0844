package io.iotj.remote.security;

import com.google.gson.JsonObject;

/**
 * A verified control message.
 *
 * @param type   what it asks or reports ({@code assemble}, {@code stop}, {@code hello}...)
 * @param from   who sent it (a node name or a kernel id)
 * @param nonce  unique per message
 * @param millis when it was sent (sender's clock, epoch milliseconds)
 * @param body   its content
 */
public record SignedMessage(String type, String from, String nonce, long millis, JsonObject body) {}
