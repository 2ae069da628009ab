package dev.portallinks.api;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;

// Test helper: Java serialization of values, to check round trips and that deserialization re-validates.
final class RoundTrip {

    private RoundTrip() {
    }

    static byte[] serialize(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Object deserialize(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
    }

    static <T> T copy(T value) throws IOException, ClassNotFoundException {
        @SuppressWarnings("unchecked")
        T copy = (T) deserialize(serialize(value));
        return copy;
    }

    /** Replaces an ASCII string of the same length in serialized bytes, e.g. to smuggle in an invalid ID. */
    static byte[] replaceAscii(byte[] bytes, String from, String to) {
        if (from.length() != to.length()) {
            throw new IllegalArgumentException("lengths differ");
        }
        byte[] needle = from.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] replacement = to.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] result = bytes.clone();
        outer:
        for (int i = 0; i + needle.length <= result.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (result[i + j] != needle[j]) {
                    continue outer;
                }
            }
            System.arraycopy(replacement, 0, result, i, replacement.length);
            return result;
        }
        throw new IllegalArgumentException("\"" + from + "\" not found in the serialized bytes");
    }
}
