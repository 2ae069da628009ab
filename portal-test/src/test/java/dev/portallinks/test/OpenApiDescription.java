package dev.portallinks.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Paddle's OpenAPI description (the subset for the two calls, in {@code paddle-fixtures}) and a small JSON Schema check
 * of a document against one of its schemas: {@code $ref}, {@code type} (with {@code null}), {@code properties},
 * {@code required}, {@code additionalProperties: false}, {@code items}, {@code enum}, {@code const}, {@code pattern},
 * lengths and sizes, {@code minimum}/{@code maximum}, {@code allOf}/{@code anyOf}/{@code oneOf} and
 * {@code format: date-time}. The keywords the subset uses for the two calls; anything else is not checked.
 */
final class OpenApiDescription {

    private static final String RESOURCE = "paddle-fixtures/paddle-openapi__v1__subset__portal-sessions_subscriptions-list_error.yaml";

    private final Map<String, Object> root;

    private OpenApiDescription(Map<String, Object> root) {
        this.root = root;
    }

    /** @return Paddle's description, read from the test class path */
    static OpenApiDescription paddle() {
        try (InputStream in = OpenApiDescription.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("no " + RESOURCE + " on the test class path");
            }
            return new OpenApiDescription(new Yaml(new LoaderOptions()).load(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param path the operation's path, e.g. {@code /subscriptions}
     * @param method lower case, e.g. {@code get}
     * @param status the answer's status; {@code default} is used when the operation declares no schema for it
     * @return the answer's schema
     */
    Map<String, Object> answer(String path, String method, int status) {
        Map<String, Object> responses = map(map(map(map(root, "paths"), path), method), "responses");
        Map<String, Object> response = resolve(map(responses, responses.containsKey(Integer.toString(status)) ? Integer.toString(status) : "default"));
        return map(map(map(response, "content"), "application/json"), "schema");
    }

    /**
     * @param path the operation's path
     * @param method lower case
     * @return the request body's schema
     */
    Map<String, Object> request(String path, String method) {
        return map(map(map(map(map(map(map(root, "paths"), path), method), "requestBody"), "content"), "application/json"), "schema");
    }

    /**
     * Checks a JSON document against a schema.
     *
     * @param json the document as text
     * @param schema the schema
     * @return what does not match, each with its place (e.g. {@code $.data.urls.general.overview}); empty when it matches
     */
    List<String> problems(String json, Map<String, Object> schema) {
        Object document = new Yaml(new LoaderOptions()).load(json);
        List<String> problems = new ArrayList<>();
        check(document, schema, "$", problems);
        return problems;
    }

    private void check(Object value, Map<String, Object> given, String at, List<String> problems) {
        Map<String, Object> schema = resolve(given);
        if (schema.get("allOf") instanceof List<?> all) {
            for (Object part : all) {
                check(value, asMap(part, "allOf"), at, problems);
            }
        }
        for (String combination : List.of("anyOf", "oneOf")) {
            if (schema.get(combination) instanceof List<?> options) {
                int matching = 0;
                List<String> firstProblems = null;
                for (Object option : options) {
                    List<String> own = new ArrayList<>();
                    check(value, asMap(option, combination), at, own);
                    if (own.isEmpty()) {
                        matching++;
                    } else if (firstProblems == null) {
                        firstProblems = own;
                    }
                }
                if (matching == 0 || "oneOf".equals(combination) && matching > 1) {
                    problems.add(at + ": matches " + matching + " of " + combination + (matching == 0 ? "; the first option says " + firstProblems : ""));
                }
            }
        }
        if (!typeMatches(value, schema)) {
            problems.add(at + ": " + describe(value) + " is not of type " + schema.get("type"));
            return;
        }
        if (value == null) {
            return;
        }
        if (schema.containsKey("enum") && !((List<?>) schema.get("enum")).contains(value)) {
            problems.add(at + ": " + value + " is not one of " + schema.get("enum"));
        }
        if (schema.containsKey("const") && !schema.get("const").equals(value)) {
            problems.add(at + ": " + value + " is not " + schema.get("const"));
        }
        if (value instanceof String text) {
            checkText(text, schema, at, problems);
        } else if (value instanceof Number number) {
            if (schema.get("minimum") instanceof Number minimum && number.doubleValue() < minimum.doubleValue()) {
                problems.add(at + ": " + number + " < minimum " + minimum);
            }
            if (schema.get("maximum") instanceof Number maximum && number.doubleValue() > maximum.doubleValue()) {
                problems.add(at + ": " + number + " > maximum " + maximum);
            }
        } else if (value instanceof List<?> list) {
            if (schema.get("minItems") instanceof Integer min && list.size() < min) {
                problems.add(at + ": " + list.size() + " items, fewer than " + min);
            }
            if (schema.get("maxItems") instanceof Integer max && list.size() > max) {
                problems.add(at + ": " + list.size() + " items, more than " + max);
            }
            if (schema.containsKey("items")) {
                for (int i = 0; i < list.size(); i++) {
                    check(list.get(i), asMap(schema.get("items"), "items"), at + "[" + i + "]", problems);
                }
            }
        } else if (value instanceof Map<?, ?> object) {
            checkObject(object, schema, at, problems);
        }
    }

    private static void checkText(String text, Map<String, Object> schema, String at, List<String> problems) {
        if (schema.get("pattern") instanceof String pattern && !Pattern.compile(pattern).matcher(text).find()) {
            problems.add(at + ": \"" + text + "\" does not match " + pattern);
        }
        if (schema.get("minLength") instanceof Integer min && text.length() < min) {
            problems.add(at + ": shorter than " + min);
        }
        if (schema.get("maxLength") instanceof Integer max && text.length() > max) {
            problems.add(at + ": longer than " + max);
        }
        if ("date-time".equals(schema.get("format"))) {
            try {
                OffsetDateTime.parse(text);
            } catch (DateTimeParseException notRfc3339) {
                problems.add(at + ": \"" + text + "\" is not an RFC 3339 date-time");
            }
        }
    }

    private void checkObject(Map<?, ?> object, Map<String, Object> schema, String at, List<String> problems) {
        Map<String, Object> properties = schema.containsKey("properties") ? asMap(schema.get("properties"), "properties") : Map.of();
        if (schema.get("required") instanceof List<?> required) {
            for (Object name : required) {
                if (!object.containsKey(name)) {
                    problems.add(at + ": required " + name + " is missing");
                }
            }
        }
        for (Map.Entry<?, ?> entry : object.entrySet()) {
            String name = String.valueOf(entry.getKey());
            if (properties.containsKey(name)) {
                check(entry.getValue(), asMap(properties.get(name), name), at + "." + name, problems);
            } else if (Boolean.FALSE.equals(schema.get("additionalProperties"))) {
                problems.add(at + ": " + name + " is not a property of the schema");
            }
        }
    }

    private static boolean typeMatches(Object value, Map<String, Object> schema) {
        Object type = schema.get("type");
        if (type == null) {
            return true;
        }
        List<?> types = type instanceof List<?> list ? list : List.of(type);
        if (value == null) {
            return types.contains("null") || Boolean.TRUE.equals(schema.get("nullable"));
        }
        for (Object one : types) {
            boolean matches = switch (String.valueOf(one)) {
                case "string" -> value instanceof String;
                case "integer" -> value instanceof Integer || value instanceof Long || value instanceof BigInteger;
                case "number" -> value instanceof Number;
                case "boolean" -> value instanceof Boolean;
                case "array" -> value instanceof List;
                case "object" -> value instanceof Map;
                default -> false;
            };
            if (matches) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Object value) {
        return value == null ? "null" : value instanceof String ? "\"" + value + "\"" : value.getClass().getSimpleName() + " " + value;
    }

    private Map<String, Object> resolve(Map<String, Object> schema) {
        Map<String, Object> current = schema;
        while (current.get("$ref") instanceof String reference) {
            if (!reference.startsWith("#/")) {
                throw new IllegalArgumentException("only local references are supported: " + reference);
            }
            Map<String, Object> target = root;
            for (String part : reference.substring(2).split("/")) {
                target = map(target, part.replace("~1", "/").replace("~0", "~"));
            }
            current = target;
        }
        return current;
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        return asMap(parent.get(key), key);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value, String key) {
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException("the description has no object at " + key);
        }
        return (Map<String, Object>) value;
    }
}
