package dev.portallinks.api;

import java.util.List;

/**
 * Paddle answered a call with a 4xx error other than 429: the request, an ID, or the API key's permissions
 * are wrong. Retrying the same call does not help.
 *
 * <p>What to do depends on {@link #code()}: {@code forbidden} (403) means the key lacks
 * {@link #requiredPermission()}; {@code not_found} (404) usually means the customer does not exist in this
 * Paddle environment (sandbox vs live); {@code invalid_field}/{@code bad_request} (400) come with
 * {@link #fieldErrors()}.
 */
public final class PaddleRequestRefusedException extends PortalLinkException {

    private static final long serialVersionUID = 1L;

    private final PaddleOperation operation;
    private final int httpStatus;
    private final String type;
    private final String code;
    private final String detail;
    private final String documentationUrl;
    private final List<PaddleFieldError> fieldErrors;

    /**
     * Creates the exception from Paddle's error envelope.
     *
     * @param operation the call Paddle refused, not null
     * @param httpStatus the HTTP status, 400 to 499
     * @param type Paddle's error type (e.g. {@code request_error}), may be null
     * @param code Paddle's error code (e.g. {@code forbidden}), may be null
     * @param detail Paddle's explanation, may be null
     * @param documentationUrl Paddle's page about the error, may be null
     * @param requestId Paddle's request ID, may be null
     * @param fieldErrors the fields Paddle named, not null, possibly empty
     */
    public PaddleRequestRefusedException(PaddleOperation operation, int httpStatus, String type, String code, String detail,
            String documentationUrl, String requestId, List<PaddleFieldError> fieldErrors) {
        super(describe(operation, httpStatus, code, detail, documentationUrl, fieldErrors), requestId, null);
        this.operation = operation;
        this.httpStatus = httpStatus;
        this.type = type;
        this.code = code;
        this.detail = Secrets.redact(detail);
        this.documentationUrl = documentationUrl;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    private static String describe(PaddleOperation operation, int httpStatus, String code, String detail, String documentationUrl,
            List<PaddleFieldError> fieldErrors) {
        StringBuilder message = new StringBuilder("Paddle refused to ").append(operation.description()).append(": HTTP ").append(httpStatus);
        if (code != null) {
            message.append(' ').append(code);
        }
        if (detail != null) {
            message.append(" - ").append(detail);
        }
        for (PaddleFieldError error : fieldErrors) {
            message.append("; field ").append(error.field()).append(": ").append(error.message());
        }
        String advice = advice(operation, httpStatus, code);
        if (!advice.isEmpty()) {
            endSentence(message).append(advice);
        }
        if (documentationUrl != null) {
            endSentence(message).append(". See ").append(documentationUrl);
        }
        return message.toString();
    }

    /** Drops a full stop Paddle's detail ended with, so that the next sentence's ". " does not make it "..". */
    private static StringBuilder endSentence(StringBuilder message) {
        while (message.length() > 0 && message.charAt(message.length() - 1) == '.') {
            message.setLength(message.length() - 1);
        }
        return message;
    }

    /** What to do, by Paddle's error code first (a 403 is not always a missing permission), then by status. */
    private static String advice(PaddleOperation operation, int httpStatus, String code) {
        if ("forbidden".equals(code)) {
            return ". The API key needs the " + operation.requiredPermission() + " permission: grant it to the key in Paddle (Developer tools"
                    + " > Authentication) or use a key that has it";
        }
        if ("authentication_malformed".equals(code)) {
            return ". Paddle could not read the key: check that paddle.api-key (PADDLE_API_KEY) holds the whole key as Paddle showed it"
                    + " (pdl_sdbx_apikey_ or pdl_live_apikey_, a 26-character ID, _ and the secret), nothing added or cut";
        }
        if ("authentication_missing".equals(code)) {
            return ". No key reached Paddle although paddle.api-key (PADDLE_API_KEY) is set: something between this server and Paddle"
                    + " (a proxy) removed the Authorization header";
        }
        if (httpStatus == 401 || (code != null && (code.startsWith("authentication_") || code.equals("invalid_token")))) {
            return ". Check paddle.api-key (PADDLE_API_KEY): the key is wrong, revoked, expired or for the other Paddle environment";
        }
        if (httpStatus == 403) {
            return ". Paddle refused the key for this call: check paddle.api-key (PADDLE_API_KEY) and that the key has the "
                    + operation.requiredPermission() + " permission";
        }
        if (httpStatus == 404) {
            return ". Check that the ID exists in this Paddle environment (sandbox and live have separate data)";
        }
        return "";
    }

    /** @return the call Paddle refused, never null */
    public PaddleOperation operation() {
        return operation;
    }

    /** @return the HTTP status Paddle answered with, 400 to 499 */
    public int httpStatus() {
        return httpStatus;
    }

    /** @return Paddle's error type such as {@code request_error}, or null when Paddle sent none */
    public String type() {
        return type;
    }

    /** @return Paddle's error code such as {@code forbidden}, {@code not_found}, {@code invalid_field}, or null */
    public String code() {
        return code;
    }

    /** @return Paddle's explanation, secrets removed, or null */
    public String detail() {
        return detail;
    }

    /** @return Paddle's documentation page for the error, or null */
    public String documentationUrl() {
        return documentationUrl;
    }

    /** @return the fields Paddle named, never null, possibly empty */
    public List<PaddleFieldError> fieldErrors() {
        return fieldErrors;
    }

    /** @return the permission the key needs for the call, never null; the cause of the error when {@link #code()} is {@code forbidden} */
    public String requiredPermission() {
        return operation.requiredPermission();
    }

    /**
     * {@inheritDoc}
     *
     * @return {@link PortalLinkRefused.Reason#PADDLE_REFUSED}
     */
    @Override
    public PortalLinkRefused.Reason refusalReason() {
        return PortalLinkRefused.Reason.PADDLE_REFUSED;
    }
}
