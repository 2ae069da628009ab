package dev.portallinks.webhooks.receiver;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a notification's {@code Paddle-Signature} header ({@code ts=<unix seconds>;h1=<hex>[;h1=<hex>…]}) against its raw
 * body: the HMAC-SHA256 of {@code ts + ":" + body} with a configured secret must equal one of the {@code h1} values,
 * compared with {@link MessageDigest#isEqual} (constant time), and the timestamp must lie within the tolerance into the
 * past and the allowance into the future of this server's clock. Any {@code h1} may match any secret, so a secret can be
 * rotated: configure the new one next to the old, then remove the old. Keys other than {@code ts} and {@code h1} (a future
 * {@code h2}) are ignored, as Paddle's Node SDK does; a header without {@code h1} is refused. Thread-safe.
 */
final class SignatureVerifier {

    /** What the check found. Only {@link #VALID} lets a notification through. */
    enum Verdict {
        /** A secret's HMAC matches an {@code h1}, and the timestamp is within bounds. */
        VALID,
        /** No {@code Paddle-Signature} header, or an empty one. */
        MISSING,
        /** The header is not {@code ts=…;h1=…}. */
        MALFORMED,
        /** The timestamp is older than the tolerance. */
        TOO_OLD,
        /** The timestamp is further in the future than the allowance. */
        IN_FUTURE,
        /** No secret's HMAC matches any {@code h1}. */
        MISMATCH
    }

    private static final String ALGORITHM = "HmacSHA256";
    /** A SHA-256 HMAC is 32 bytes, 64 hex digits; anything else cannot match and is not decoded. */
    private static final int HEX_LENGTH = 64;

    private final List<SecretKeySpec> keys;
    private final Duration tolerance;
    private final Duration futureAllowance;
    private final Clock clock;

    /**
     * @param secrets the secrets as UTF-8 bytes, not empty
     * @param tolerance how far in the past the timestamp may be
     * @param futureAllowance how far in the future the timestamp may be
     * @param clock this server's clock
     */
    SignatureVerifier(List<byte[]> secrets, Duration tolerance, Duration futureAllowance, Clock clock) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("at least one secret is needed");
        }
        this.keys = secrets.stream().map(secret -> new SecretKeySpec(secret, ALGORITHM)).toList();
        this.tolerance = Objects.requireNonNull(tolerance, "tolerance must not be null");
        this.futureAllowance = Objects.requireNonNull(futureAllowance, "futureAllowance must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
    }

    /**
     * Checks a notification.
     *
     * @param header the {@code Paddle-Signature} header, may be null
     * @param body the buffer holding the raw body
     * @param length how many bytes of {@code body} are the body
     * @return the verdict, never null
     */
    Verdict verify(String header, byte[] body, int length) {
        if (header == null || header.isBlank()) {
            return Verdict.MISSING;
        }
        Long timestamp = null;
        List<byte[]> signatures = new ArrayList<>(2);
        for (String part : header.split(";")) {
            int equals = part.indexOf('=');
            if (equals < 0) {
                return Verdict.MALFORMED;
            }
            String key = part.substring(0, equals).strip();
            String value = part.substring(equals + 1).strip();
            if (key.equals("ts")) {
                if (timestamp != null || !isDigits(value)) {
                    return Verdict.MALFORMED;
                }
                timestamp = Long.parseLong(value);
            } else if (key.equals("h1")) {
                // Kept even when it cannot be a SHA-256 HMAC (Paddle's own tests send "dummy" next to the real one): it just matches nothing.
                signatures.add(value.length() == HEX_LENGTH && isHex(value) ? HexFormat.of().parseHex(value) : new byte[0]);
            }
        }
        if (timestamp == null || signatures.isEmpty()) {
            return Verdict.MALFORMED;
        }
        long now = clock.instant().getEpochSecond();
        if (now - timestamp > tolerance.toSeconds()) {
            return Verdict.TOO_OLD;
        }
        if (timestamp - now > futureAllowance.toSeconds()) {
            return Verdict.IN_FUTURE;
        }
        byte[] prefix = (timestamp + ":").getBytes(StandardCharsets.US_ASCII);
        boolean matched = false;
        for (SecretKeySpec key : keys) {
            byte[] expected = hmac(key, prefix, body, length);
            for (byte[] signature : signatures) {
                // No early exit: the time taken does not tell which secret or which h1 matched.
                matched |= MessageDigest.isEqual(expected, signature);
            }
        }
        return matched ? Verdict.VALID : Verdict.MISMATCH;
    }

    private static byte[] hmac(SecretKeySpec key, byte[] prefix, byte[] body, int length) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(prefix);
            mac.update(body, 0, length);
            return mac.doFinal();
        } catch (NoSuchAlgorithmException | InvalidKeyException impossible) {
            // Every Java runtime has HmacSHA256, and any byte string is a valid HMAC key.
            throw new IllegalStateException(ALGORITHM + " is not available", impossible);
        }
    }

    private static boolean isDigits(String value) {
        // At most 18 digits: fits a long, and no real timestamp needs more.
        return !value.isEmpty() && value.length() <= 18 && value.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static boolean isHex(String value) {
        return value.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
    }
}
