package dev.portallinks.api;

/**
 * One field Paddle named in a {@code 400} error, e.g. a malformed subscription ID. Immutable and thread-safe.
 *
 * @param field the field's name as Paddle gives it, not null
 * @param message Paddle's explanation, not null
 */
public record PaddleFieldError(String field, String message) implements java.io.Serializable {

    /**
     * Checks for nulls and removes secrets from the message.
     *
     * @throws NullPointerException naming a missing field
     */
    public PaddleFieldError {
        Validation.requireNonNull("field", field);
        message = Secrets.redact(Validation.requireNonNull("message", message));
    }
}
