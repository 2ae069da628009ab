package dev.portallinks.webhooks.receiver;

import dev.portallinks.api.PortalConfigurationException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The receiver's configuration (MicroProfile Config properties {@code paddle.webhooks.*}, documented in the package
 * {@code dev.portallinks.webhooks}), read once when the application starts and checked then: a wrong value fails the
 * deployment, naming the property and never showing a secret.
 *
 * @param enabled whether the receiver is registered
 * @param path the servlet path below the context root, without leading or trailing {@code /}
 * @param secrets the notification destinations' secret keys, as UTF-8 bytes (the HMAC keys); empty when disabled
 * @param tolerance how far in the past a signature's timestamp may be
 * @param futureAllowance how far in the future a signature's timestamp may be (clock skew)
 * @param maxBodyBytes the largest body read
 */
record WebhookSettings(boolean enabled, String path, List<byte[]> secrets, Duration tolerance, Duration futureAllowance, int maxBodyBytes) {

    /** Property: whether the receiver is registered. Default: true when secrets are configured, else false. */
    static final String ENABLED = "paddle.webhooks.enabled";
    /** Property: the comma-separated secret keys of the notification destinations. */
    static final String SECRETS = "paddle.webhooks.secrets";
    /** The environment variable for {@link #SECRETS} (MicroProfile Config's own mapping would be PADDLE_WEBHOOKS_SECRETS, also read). */
    static final String SECRETS_ENV = "PADDLE_WEBHOOK_SECRETS";
    /** Property: the path. Default {@value #DEFAULT_PATH}. */
    static final String PATH = "paddle.webhooks.path";
    /** Property: how many whole seconds a timestamp may lie in the past. Default {@value #DEFAULT_TOLERANCE_SECONDS}. */
    static final String TOLERANCE = "paddle.webhooks.tolerance";
    /** Property: how many whole seconds a timestamp may lie in the future. Default {@value #DEFAULT_FUTURE_ALLOWANCE_SECONDS}. */
    static final String FUTURE_ALLOWANCE = "paddle.webhooks.future-allowance";
    /** Property: the largest body in bytes. Default {@value #DEFAULT_MAX_BODY_BYTES}. */
    static final String MAX_BODY_BYTES = "paddle.webhooks.max-body-bytes";

    static final String DEFAULT_PATH = "paddle/webhooks";
    static final int DEFAULT_TOLERANCE_SECONDS = 5;
    static final int DEFAULT_FUTURE_ALLOWANCE_SECONDS = 5;
    static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    /** One day: beyond, a captured notification could be replayed for too long. */
    static final int MAX_SECONDS = 86_400;
    static final int MAX_BODY_LIMIT = 64 * 1024 * 1024;

    /**
     * A notification destination's secret key as Paddle shows it, {@code pdl_ntfset_<26 characters>_<secret>} (older ones
     * {@code pdl_ntf_…}). Checked so that a pasted API key, a quoted or truncated value fails the deployment instead of
     * every notification.
     */
    private static final Pattern SECRET = Pattern.compile("pdl_ntf(?:set)?_[0-9a-z]{26}_[A-Za-z0-9+/=_-]{16,}");

    private static final Pattern PATH_SEGMENT = Pattern.compile("[A-Za-z0-9_~-][A-Za-z0-9._~-]*");

    WebhookSettings {
        Objects.requireNonNull(path, "path must not be null");
        secrets = List.copyOf(secrets).stream().map(byte[]::clone).toList();
        Objects.requireNonNull(tolerance, "tolerance must not be null");
        Objects.requireNonNull(futureAllowance, "futureAllowance must not be null");
    }

    /**
     * Reads and checks the application's MicroProfile Config.
     *
     * @param application the application's class loader, whose configuration applies
     * @return the settings
     * @throws PortalConfigurationException naming the property whose value is wrong
     */
    static WebhookSettings fromConfig(ClassLoader application) {
        Config config = ConfigProvider.getConfig(application);
        return read(name -> config.getOptionalValue(name, String.class));
    }

    /**
     * Reads and checks the properties. The receiver is on when {@value #ENABLED} says so, or, when that is not set, when
     * secrets are configured; on without a secret, or with a malformed one, is an error.
     *
     * @param property the value of a property by name, empty when it is not set
     * @return the settings
     * @throws PortalConfigurationException naming the property whose value is wrong
     */
    static WebhookSettings read(Function<String, Optional<String>> property) {
        Optional<String> secretList = property.apply(SECRETS).or(() -> property.apply(SECRETS_ENV)).filter(value -> !value.isBlank());
        Optional<Boolean> explicitlyEnabled = property.apply(ENABLED).map(value -> bool(ENABLED, value));
        boolean enabled = explicitlyEnabled.orElse(secretList.isPresent());
        if (!enabled) {
            return new WebhookSettings(false, DEFAULT_PATH, List.of(), Duration.ofSeconds(DEFAULT_TOLERANCE_SECONDS),
                    Duration.ofSeconds(DEFAULT_FUTURE_ALLOWANCE_SECONDS), DEFAULT_MAX_BODY_BYTES);
        }
        List<byte[]> secrets = secrets(secretList.orElseThrow(() -> new PortalConfigurationException(SECRETS, "no secret is set although "
                + ENABLED + "=true; set it (environment variable " + SECRETS_ENV + ") to the secret key of the notification destination in"
                + " Paddle > Developer tools > Notifications, or set " + ENABLED + "=false")));
        String path = property.apply(PATH).map(WebhookSettings::normalizedPath).orElse(DEFAULT_PATH);
        Duration tolerance = Duration.ofSeconds(number(property, TOLERANCE, DEFAULT_TOLERANCE_SECONDS, 0, MAX_SECONDS));
        Duration allowance = Duration.ofSeconds(number(property, FUTURE_ALLOWANCE, DEFAULT_FUTURE_ALLOWANCE_SECONDS, 0, MAX_SECONDS));
        int maxBody = number(property, MAX_BODY_BYTES, DEFAULT_MAX_BODY_BYTES, 1024, MAX_BODY_LIMIT);
        return new WebhookSettings(true, path, secrets, tolerance, allowance, maxBody);
    }

    /** The comma-separated secrets, each checked; the message says which entry is wrong by its position, never its value. */
    private static List<byte[]> secrets(String list) {
        List<byte[]> secrets = new ArrayList<>();
        String[] entries = list.split(",");
        for (int i = 0; i < entries.length; i++) {
            String secret = entries[i].strip();
            if (secret.isEmpty()) {
                continue;
            }
            if (!SECRET.matcher(secret).matches()) {
                throw new PortalConfigurationException(SECRETS, "entry " + (i + 1) + " of " + entries.length + " is not a notification"
                        + " destination's secret key: Paddle's start with pdl_ntfset_ followed by an ID, _ and the secret (copy it whole from"
                        + " Paddle > Developer tools > Notifications; it is not the API key); separate several with commas");
            }
            secrets.add(secret.getBytes(StandardCharsets.UTF_8));
        }
        if (secrets.isEmpty()) {
            throw new PortalConfigurationException(SECRETS, "the list holds no secret");
        }
        return secrets;
    }

    private static boolean bool(String name, String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new PortalConfigurationException(name, "\"" + text + "\" is not true or false");
        };
    }

    private static int number(Function<String, Optional<String>> property, String name, int defaultValue, int min, int max) {
        Optional<String> text = property.apply(name).map(String::strip);
        if (text.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text.get());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, with the range
        }
        throw new PortalConfigurationException(name, "\"" + text.get() + "\" is not a whole number from " + min + " to " + max);
    }

    private static String normalizedPath(String value) {
        String path = value.strip().replaceAll("^/+", "").replaceAll("/+$", "");
        boolean valid = Arrays.stream(path.split("/", -1)).allMatch(segment -> PATH_SEGMENT.matcher(segment).matches());
        if (!valid) {
            throw new PortalConfigurationException(PATH, "\"" + value + "\" is not a path below the context root; use segments of letters,"
                    + " digits and - . _ ~ separated by /, e.g. paddle/webhooks");
        }
        return path;
    }

    /** @return the servlet mapping, e.g. {@code /paddle/webhooks} (an exact match: nothing below it) */
    String servletMapping() {
        return "/" + path;
    }

    /** Returns the settings with the number of secrets only: the secrets never reach a log or a message. */
    @Override
    public String toString() {
        return "WebhookSettings[enabled=" + enabled + ", path=" + path + ", secrets=(" + secrets.size() + " redacted), tolerance=" + tolerance
                + ", futureAllowance=" + futureAllowance + ", maxBodyBytes=" + maxBodyBytes + "]";
    }
}
