package io.iotj.remote.security;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signs and verifies control messages with HMAC-SHA256 over the exact message bytes, using the
 * shared {@link Secret}.
 *
 * <p>A message is JSON {@code {"v":1,"type":..,"from":..,"to":..,"nonce":..,"ts":..,"body":{..}}}; its
 * signature travels beside it (the AMQP header {@value #HEADER}). Verification refuses a missing
 * or wrong signature (unsigned, forged, or altered in any byte), a timestamp more than
 * {@code maxSkewMillis} away from this clock (old captures), a nonce already seen within that
 * window (replays), and, when the receiver says where the message was delivered, a message
 * addressed elsewhere: each receiver remembers only its own nonces, so a command captured on its
 * way to one node and replayed to another is refused by its address. Nonces are forgotten once
 * their window has passed, so memory stays bounded.
 */
public final class Signer {
    /** The AMQP header carrying the hex signature. */
    public static final String HEADER = "iotj-sig";
    /** Default accepted clock difference. */
    public static final long DEFAULT_MAX_SKEW_MILLIS = 30_000;
    private static final int MAX_REMEMBERED = 200_000;

    private final SecretKeySpec key;
    private final Clock clock;
    private final long maxSkewMillis;
    private final SecureRandom random = new SecureRandom();
    private final LinkedHashMap<String, Long> seen = new LinkedHashMap<>(); // nonce -> expiry, in arrival order

    /** A signer with the default skew and the system clock. */
    public Signer(Secret secret) {
        this(secret, Clock.systemUTC(), DEFAULT_MAX_SKEW_MILLIS);
    }

    /** A signer with a given clock and accepted skew. */
    public Signer(Secret secret, Clock clock, long maxSkewMillis) {
        this.key = new SecretKeySpec(secret.key(), "HmacSHA256");
        this.clock = clock;
        this.maxSkewMillis = maxSkewMillis;
    }

    /** A signed message: the bytes to send and their signature. */
    public record Signed(byte[] bytes, String signature) {}

    /** Builds and signs a message with a fresh nonce and the current time, with no address. */
    public Signed sign(String type, String from, JsonObject body) {
        return sign(type, from, null, body);
    }

    /**
     * Builds and signs a message addressed to {@code to} (for example {@code exchange/routingKey}),
     * with a fresh nonce and the current time.
     */
    public Signed sign(String type, String from, String to, JsonObject body) {
        byte[] n = new byte[16];
        random.nextBytes(n);
        JsonObject m = new JsonObject();
        m.addProperty("v", 1);
        m.addProperty("type", type);
        m.addProperty("from", from);
        if (to != null) m.addProperty("to", to);
        m.addProperty("nonce", Base64.getUrlEncoder().withoutPadding().encodeToString(n));
        m.addProperty("ts", clock.millis());
        m.add("body", body);
        byte[] bytes = m.toString().getBytes(StandardCharsets.UTF_8);
        return new Signed(bytes, mac(bytes));
    }

    /** The hex HMAC of {@code bytes}. */
    public String mac(byte[] bytes) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /**
     * Verifies {@code bytes} against {@code signature} and returns the message, or refuses it.
     *
     * @param signature the {@value #HEADER} header's value, possibly null
     */
    public SignedMessage verify(byte[] bytes, Object signature) throws RefusedMessage {
        return verify(bytes, signature, null);
    }

    /**
     * Verifies as {@link #verify(byte[], Object)}, and refuses a message not addressed to
     * {@code deliveredTo} (when that is not null), before its nonce is remembered.
     */
    public SignedMessage verify(byte[] bytes, Object signature, String deliveredTo) throws RefusedMessage {
        if (signature == null) throw new RefusedMessage("unsigned message");
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature.toString());
        } catch (IllegalArgumentException e) {
            throw new RefusedMessage("malformed signature");
        }
        byte[] expected = HexFormat.of().parseHex(mac(bytes));
        if (!MessageDigest.isEqual(expected, given)) throw new RefusedMessage("bad signature (forged, altered, or another secret)");
        JsonObject m;
        String type, from, to, nonce;
        long ts;
        JsonObject body;
        try {
            m = JsonParser.parseString(new String(bytes, StandardCharsets.UTF_8)).getAsJsonObject();
            if (m.get("v").getAsInt() != 1) throw new RefusedMessage("message version " + m.get("v") + " not understood");
            type = m.get("type").getAsString();
            from = m.get("from").getAsString();
            to = m.has("to") ? m.get("to").getAsString() : null;
            nonce = m.get("nonce").getAsString();
            ts = m.get("ts").getAsLong();
            body = m.getAsJsonObject("body");
        } catch (JsonParseException | IllegalStateException | NullPointerException | ClassCastException | UnsupportedOperationException e) {
            throw new RefusedMessage("signed but malformed message");
        }
        long now = clock.millis();
        if (Math.abs(now - ts) > maxSkewMillis)
            throw new RefusedMessage("message time " + ts + " is " + (now - ts) + " ms from now (allowed ±" + maxSkewMillis + " ms): expired or replayed");
        if (deliveredTo != null && !deliveredTo.equals(to))
            throw new RefusedMessage("addressed to " + (to == null ? "no one" : to) + " but delivered to " + deliveredTo
                    + ": replayed elsewhere");
        synchronized (seen) {
            forgetExpired(now);
            if (seen.containsKey(nonce)) throw new RefusedMessage("replayed message (nonce already used)");
            if (seen.size() >= MAX_REMEMBERED) throw new RefusedMessage("too many messages in the last " + maxSkewMillis + " ms");
            seen.put(nonce, ts + maxSkewMillis);
        }
        return new SignedMessage(type, from, nonce, ts, body == null ? new JsonObject() : body);
    }

    private void forgetExpired(long now) {
        // Expiries are roughly in arrival order; stop at the first one still alive.
        Iterator<Map.Entry<String, Long>> it = seen.entrySet().iterator();
        while (it.hasNext()) {
            if (it.next().getValue() < now) it.remove();
            else break;
        }
    }

    /** Nonces currently remembered (for tests of boundedness). */
    int remembered() {
        synchronized (seen) {
            return seen.size();
        }
    }
}
