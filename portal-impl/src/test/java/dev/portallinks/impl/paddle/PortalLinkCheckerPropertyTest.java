package dev.portallinks.impl.paddle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portallinks.api.CustomerId;
import dev.portallinks.api.PortalAction;
import dev.portallinks.api.PortalSessionRequest;
import dev.portallinks.api.SubscriptionId;
import dev.portallinks.api.UnexpectedPaddleResponseException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

// Many generated links, good and bad: the mapper's verdict (one-pass fast path, then the full checks) must equal a
// straightforward reference implementation's (java.net.URI, URLDecoder, maps), and the fast path must never accept a
// link the reference refuses. The generator's seeds are fixed, so a failure names a link that can be replayed.
class PortalLinkCheckerPropertyTest {

    private static final CustomerId CUSTOMER = CustomerId.of("ctm_01gysfvfy7vqhpzkq8rjmrq7an");
    private static final SubscriptionId SUB = SubscriptionId.of("sub_01h04vsc0qhwtsbsxh3422wjs4");
    private static final SubscriptionId OTHER_SUB = SubscriptionId.of("sub_01h7zcgmdc6tmwtjehp3sh7azf");
    private static final String TOKEN = "pga_eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJjdG1fMDEifQ._oO12IejzdKmyKTwb7BLjmiILkx4_cSyGjXraOBUI_g";
    private static final String GOOD_OVERVIEW = "https://customer-portal.paddle.com/cpl_01j7zbyqs3vah3aafp4jf62qaw?action=overview&token=" + TOKEN;
    private static final List<URI> ALLOWED = List.of(URI.create("https://customer-portal.paddle.com"), URI.create("http://127.0.0.1:8089"),
            URI.create("https://portal.kit.example"));
    private static final int LINKS_PER_SEED = 4000;

    private final PortalSessionMapper mapper = new PortalSessionMapper(ALLOWED);
    private final PortalLinkChecker fastPath = new PortalLinkChecker(ALLOWED.stream().map(PortalSessionMapper::origin).toList());

    // ------------------------------------------------------------------------------------------- Properties

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void theMapperAgreesWithTheReferenceOnEveryGeneratedLink(long seed) {
        Random random = new Random(seed);
        int fastAccepted = 0;
        int accepted = 0;
        for (int i = 0; i < LINKS_PER_SEED; i++) {
            PortalAction action = PortalAction.values()[random.nextInt(PortalAction.values().length)];
            SubscriptionId expected = action.needsSubscription() ? SUB : null;
            String link = generate(random, action, expected);

            boolean reference = Reference.accepts(link, action, expected);
            boolean fast = fastPath.accepts(link, action.paddleName(), expected == null ? null : expected.value());

            assertThat(mapperAccepts(link, action, expected)).as("mapper verdict on %s (%s)", link, action).isEqualTo(reference);
            assertThat(!fast || reference).as("fast path accepted %s (%s), which the reference refuses", link, action).isTrue();
            fastAccepted += fast ? 1 : 0;
            accepted += reference ? 1 : 0;
        }
        // The generator must produce both kinds in numbers, and the fast path must carry most good links.
        assertThat(accepted).isBetween(LINKS_PER_SEED / 10, LINKS_PER_SEED * 9 / 10);
        assertThat(fastAccepted).isGreaterThan(accepted * 2 / 3);
    }

    @Test
    void everyCanonicalGoodLinkTakesTheFastPath() {
        Random random = new Random(42);
        for (int i = 0; i < 1000; i++) {
            PortalAction action = PortalAction.values()[random.nextInt(PortalAction.values().length)];
            SubscriptionId expected = action.needsSubscription() ? SUB : null;
            List<String> parameters = new ArrayList<>(List.of("action=" + action.paddleName(), "token=" + token(random)));
            if (expected != null) {
                parameters.add("subscription_id=" + expected);
            }
            Collections.shuffle(parameters, random);
            String link = pick(random, "https://customer-portal.paddle.com", "HTTPS://Customer-Portal.Paddle.com", "http://127.0.0.1:8089")
                    + "/cpl_" + portalId(random) + (random.nextBoolean() ? "/" : "") + "?" + String.join("&", parameters);

            assertThat(fastPath.accepts(link, action.paddleName(), expected == null ? null : expected.value())).as(link).isTrue();
            assertThat(Reference.accepts(link, action, expected)).as(link).isTrue();
        }
    }

    @Test
    void lookAlikeCharactersThatLowerCaseToAsciiAreNotTheAllowedHost() {
        // String.regionMatches(true, …) treats the Kelvin sign as 'k' and a dotted capital I as 'i'; URL parsers do not.
        for (String host : List.of("portal.\u212Ait.example", "portal.k\u0130t.example")) {
            String link = "https://" + host + "/cpl_01j7zbyqs3vah3aafp4jf62qaw?action=overview&token=" + TOKEN;

            assertThat(fastPath.accepts(link, "overview", null)).as(link).isFalse();
            assertThat(mapperAccepts(link, PortalAction.OVERVIEW, null)).as(link).isFalse();
        }
    }

    // ---------------------------------------------------------------------------------------------- The mapper

    private boolean mapperAccepts(String link, PortalAction action, SubscriptionId expected) {
        PortalSessionEnvelope envelope = new PortalSessionEnvelope();
        envelope.data = new PortalSessionEnvelope.Data();
        envelope.data.id = "cpls_01h4ge9r64c22exjsx0fy8b48b";
        envelope.data.customerId = CUSTOMER.value();
        envelope.data.createdAt = "2024-10-25T06:53:58Z";
        envelope.data.urls = new PortalSessionEnvelope.Urls();
        envelope.data.urls.general = new PortalSessionEnvelope.General();
        envelope.data.urls.general.overview = action == PortalAction.OVERVIEW ? link : GOOD_OVERVIEW;
        PortalSessionRequest request = PortalSessionRequest.overview(CUSTOMER);
        if (expected != null) {
            PortalSessionEnvelope.SubscriptionUrls entry = new PortalSessionEnvelope.SubscriptionUrls();
            entry.id = expected.value();
            String base = "https://customer-portal.paddle.com/cpl_01j7zbyqs3vah3aafp4jf62qaw?subscription_id=" + expected + "&token=" + TOKEN;
            entry.cancelSubscription = action == PortalAction.CANCEL_SUBSCRIPTION ? link : base + "&action=cancel_subscription";
            entry.updateSubscriptionPaymentMethod = action == PortalAction.UPDATE_PAYMENT_METHOD ? link
                    : base + "&action=update_subscription_payment_method";
            envelope.data.urls.subscriptions = List.of(entry);
            request = PortalSessionRequest.of(CUSTOMER, expected);
        }
        try {
            mapper.toSession(envelope, request);
            return true;
        } catch (UnexpectedPaddleResponseException refused) {
            return false;
        }
    }

    // ------------------------------------------------------------------------------------------- The generator

    private static String generate(Random random, PortalAction action, SubscriptionId expected) {
        StringBuilder link = new StringBuilder();
        link.append(often(random, "https", "HTTPS", "http", "ftp", "Https", "javascript"));
        link.append(often(random, "://", ":/", ":", "///"));
        link.append(rarely(random, "someone@", "customer-portal.paddle.com@", "a:b@"));
        link.append(often(random, "customer-portal.paddle.com", "CUSTOMER-portal.Paddle.com", "127.0.0.1", "portal.kit.example", "evil.example",
                "customer-portal.paddle.com.evil.example", "evilcustomer-portal.paddle.com", "portal.\u212Ait.example", "customer_portal.paddle.com",
                "[::1]"));
        link.append(rarely(random, ":443", ":8443", ":", ":0443", ":8089", ":80", ":99999999999"));
        link.append(often(random, "/cpl_" + portalId(random), "/cpl_" + portalId(random) + "/", "/cpl_" + portalId(random).toUpperCase(Locale.ROOT),
                "/cpl_" + portalId(random).substring(1), "/cpl_" + portalId(random) + "x", "/cpl_" + portalId(random) + "/admin", "/",
                "", "/CPL_" + portalId(random), "/cpl_%61" + portalId(random).substring(1), "/cpl_" + portalId(random).substring(2) + "_a"));
        List<String> parameters = new ArrayList<>();
        String actionName = often(random, action.paddleName(), "", "overview", "cancel_subscription", "update_subscription_payment_method",
                action.paddleName().toUpperCase(Locale.ROOT));
        if (random.nextInt(10) > 0) {
            parameters.add(often(random, "action", "Action", "act%69on", "action ") + "=" + actionName);
        }
        if (random.nextInt(10) > 0) {
            parameters.add(often(random, "token", "tok%65n", "TOKEN") + "=" + often(random, token(random), "", "a+b", "a%2Bb", "x==", "a b",
                    "\u00e9t\u00e9", "%zz", "a%"));
        }
        if (expected != null ? random.nextInt(10) > 0 : random.nextInt(10) == 0) {
            parameters.add(often(random, "subscription_id", "subscription%5Fid") + "=" + often(random, SUB.value(), OTHER_SUB.value(), "",
                    SUB.value().toUpperCase(Locale.ROOT)));
        }
        if (random.nextInt(8) == 0) {
            parameters.add(often(random, "lang=en", "x", "=y", "", "utm_source=mail", "a=b=c"));
        }
        if (!parameters.isEmpty() && random.nextInt(12) == 0) {
            parameters.add(parameters.get(random.nextInt(parameters.size())));
        }
        Collections.shuffle(parameters, random);
        if (random.nextInt(20) > 0) {
            link.append('?').append(String.join("&", parameters)).append(rarely(random, "&", "&&", "#frag", "#a b", "#x#y", "#"));
        }
        if (random.nextInt(8) == 0) {
            corrupt(random, link);
        }
        return link.toString();
    }

    /** Inserts, deletes or changes one character somewhere. */
    private static void corrupt(Random random, StringBuilder link) {
        if (link.isEmpty()) {
            return;
        }
        int at = random.nextInt(link.length());
        switch (random.nextInt(3)) {
            case 0 -> link.insert(at, often(random, " ", "%", "#", "\u00e9", "\n", "\u2028", "\"", "<", "\\", "+", "@", "[", ":", "?", "/", "&",
                    "=", "%41", "\u0000", "\u212A"));
            case 1 -> link.deleteCharAt(at);
            default -> link.setCharAt(at, Character.toUpperCase(link.charAt(at)));
        }
    }

    private static String portalId(Random random) {
        return "01" + randomChars(random, 24, "abcdefghijklmnopqrstuvwxyz0123456789");
    }

    private static String token(Random random) {
        return "pga_" + randomChars(random, 20 + random.nextInt(40), "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~");
    }

    private static String randomChars(Random random, int length, String alphabet) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    /** The first choice most of the time, else any of the others. */
    private static String often(Random random, String usual, String... others) {
        return random.nextInt(10) > 0 ? usual : others[random.nextInt(others.length)];
    }

    /** Nothing most of the time, else one of the choices. */
    private static String rarely(Random random, String... choices) {
        return random.nextInt(12) > 0 ? "" : choices[random.nextInt(choices.length)];
    }

    private static String pick(Random random, String... choices) {
        return choices[random.nextInt(choices.length)];
    }

    // ------------------------------------------------------------------------------------------- The reference

    /** The link checks written the plain way: parse, normalise, decode into a map, compare. */
    private static final class Reference {

        private static final Pattern PORTAL_PATH = Pattern.compile("^/cpl_[a-z\\d]{26}/?$");
        private static final Set<String> ORIGINS = Set.of("https://customer-portal.paddle.com", "http://127.0.0.1:8089", "https://portal.kit.example");

        static boolean accepts(String link, PortalAction action, SubscriptionId subscription) {
            URI uri;
            try {
                uri = new URI(link);
            } catch (URISyntaxException malformed) {
                return false;
            }
            if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null || uri.getRawUserInfo() != null) {
                return false;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || "https".equals(scheme) && port == 443 || "http".equals(scheme) && port == 80;
            if (!ORIGINS.contains(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port))) {
                return false;
            }
            if (uri.getRawPath() == null || !PORTAL_PATH.matcher(uri.getRawPath()).matches()) {
                return false;
            }
            Map<String, List<String>> query = new HashMap<>();
            if (uri.getRawQuery() != null) {
                for (String pair : uri.getRawQuery().split("&")) {
                    int equals = pair.indexOf('=');
                    String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                    String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                    query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
                }
            }
            if (query.values().stream().anyMatch(values -> values.size() > 1)) {
                return false;
            }
            String token = single(query, "token");
            String linkedSubscription = single(query, "subscription_id");
            return action.paddleName().equals(single(query, "action")) && token != null && !token.isEmpty()
                    && (subscription == null ? linkedSubscription == null : subscription.value().equals(linkedSubscription));
        }

        private static String single(Map<String, List<String>> query, String name) {
            List<String> values = query.get(name);
            return values == null ? null : values.get(0);
        }
    }
}
