package dev.portallinks.impl.paddle;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/** Paddle's error envelope: {@code {"error": {type, code, detail, documentation_url, errors}, "meta": …}}. */
public class PaddleErrorEnvelope {

    /** The error. */
    public Error error;

    /** The request ID; absent in some answers. */
    public PaddleMeta meta;

    /** Paddle's {@code error} object. */
    public static class Error {

        /** {@code request_error} or {@code api_error}. */
        public String type;

        /** E.g. {@code forbidden}, {@code not_found}, {@code too_many_requests}. */
        public String code;

        /** A sentence for humans. */
        public String detail;

        /** Paddle's page about this error. */
        @JsonbProperty("documentation_url")
        public String documentationUrl;

        /** Field errors of a 400. */
        public List<FieldError> errors;
    }

    /** One field error. */
    public static class FieldError {

        /** The field. */
        public String field;

        /** What is wrong with it. */
        public String message;
    }
}
