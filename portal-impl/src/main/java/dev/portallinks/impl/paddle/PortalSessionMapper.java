package dev.portallinks.impl.paddle;

import dev.portallinks.api.CustomerId;
import dev.portallinks.api.PaddleOperation;
import dev.portallinks.api.PortalAction;
import dev.portallinks.api.PortalSession;
import dev.portallinks.api.PortalSessionRequest;
import dev.portallinks.api.Secrets;
import dev.portallinks.api.SubscriptionId;
import dev.portallinks.api.SubscriptionLinks;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns Paddle's portal-session answer into a {@link PortalSession}, checking every link before it can be
 * handed out:
 * <ul>
 * <li>the session is for the customer that was asked about;</li>
 * <li>each link is an absolute URL on an allowed portal origin (scheme, host and port), with a portal path
 * ({@code /cpl_…}), the expected {@code action}, a {@code token}, and no user-info;</li>
 * <li>the per-subscription links are exactly the subscriptions asked for, each link naming its own
 * subscription: Paddle's behaviour with a foreign subscription ID is undocumented, so a link for a
 * subscription the caller did not ask for is never handed out.</li>
 * </ul>
 * A failed check throws {@link dev.portallinks.api.UnexpectedPaddleResponseException}; it never yields a link.
 * Links in Paddle's canonical form are checked in one pass over their characters ({@link PortalLinkChecker}); the
 * others are parsed and checked step by step, which also names what is wrong. Thread-safe.
 */
public final class PortalSessionMapper {

    /** Marks a query parameter given twice: ambiguous, so the link is refused. */
    private static final String REPEATED = "\u0000repeated";

    /** The entry index of {@code data.urls.general} in {@link #field}. */
    private static final int GENERAL = -1;

    private static final Pattern PORTAL_PATH = Pattern.compile("^/cpl_[a-z\\d]{26}/?$");

    private final Set<String> allowedOrigins;
    private final PortalLinkChecker fastPath;

    /**
     * Creates the mapper.
     *
     * @param allowedOrigins the portal origins links may point to, e.g. {@code https://customer-portal.paddle.com}
     */
    public PortalSessionMapper(List<URI> allowedOrigins) {
        Set<String> origins = new LinkedHashSet<>();
        for (URI origin : allowedOrigins) {
            origins.add(origin(origin));
        }
        this.allowedOrigins = Set.copyOf(origins);
        this.fastPath = new PortalLinkChecker(origins);
    }

    /**
     * Normalises a URI to its origin: lower-case scheme and host, and the port unless it is the scheme's default.
     *
     * @param uri an absolute URI
     * @return the origin, e.g. {@code https://customer-portal.paddle.com}
     */
    public static String origin(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80);
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }

    /**
     * Maps and checks the answer.
     *
     * @param envelope Paddle's answer, may be null (an empty body)
     * @param request what was asked for
     * @return the checked session
     * @throws dev.portallinks.api.UnexpectedPaddleResponseException if a field is missing or a check fails
     */
    public PortalSession toSession(PortalSessionEnvelope envelope, PortalSessionRequest request) {
        String requestId = envelope == null || envelope.meta == null ? null : envelope.meta.requestId;
        ResponseReader reader = new ResponseReader(PaddleOperation.CREATE_PORTAL_SESSION, requestId);
        reader.required("body", envelope);
        PortalSessionEnvelope.Data data = reader.required("data", envelope.data);
        CustomerId customer = reader.convert("data.customer_id", data.customerId, CustomerId::of);
        if (!customer.equals(request.customer())) {
            throw reader.fail("data.customer_id is " + customer + " but the session was requested for " + request.customer());
        }
        PortalSessionEnvelope.Urls urls = reader.required("data.urls", data.urls);
        PortalSessionEnvelope.General general = reader.required("data.urls.general", urls.general);
        String overview = checkedLink(reader, GENERAL, "overview", general.overview, PortalAction.OVERVIEW, null);
        List<SubscriptionLinks> links = subscriptionLinks(reader, urls.subscriptions, request.subscriptions());
        return reader.convert("data.id", data.id, id -> new PortalSession(id, customer, overview, links,
                reader.instant("data.created_at", data.createdAt), requestId));
    }

    /**
     * Names a field of the answer for a message; built only when a check fails, since links are checked on every call.
     *
     * @param entry the index in {@code data.urls.subscriptions}, or {@link #GENERAL}
     * @param name the field in that entry, or null for the entry itself
     */
    private static String field(int entry, String name) {
        String prefix = entry == GENERAL ? "data.urls.general" : "data.urls.subscriptions[" + entry + "]";
        return name == null ? prefix : prefix + "." + name;
    }

    private List<SubscriptionLinks> subscriptionLinks(ResponseReader reader, List<PortalSessionEnvelope.SubscriptionUrls> answered,
            List<SubscriptionId> requested) {
        List<PortalSessionEnvelope.SubscriptionUrls> entries = answered == null ? List.of() : answered;
        Map<SubscriptionId, SubscriptionLinks> byId = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            PortalSessionEnvelope.SubscriptionUrls entry = entries.get(i);
            if (entry == null || entry.id == null) {
                throw reader.fail(field(i, entry == null ? null : "id") + " is missing");
            }
            SubscriptionId id = requestedWithId(requested, i, entry.id);
            if (id == null) {
                int index = i;
                SubscriptionId unrequested = reader.convert(() -> field(index, "id"), entry.id, SubscriptionId::of);
                throw reader.fail(field(i, null) + " is for subscription " + unrequested + ", which was not requested");
            }
            SubscriptionLinks links = new SubscriptionLinks(id,
                    checkedLink(reader, i, "cancel_subscription", entry.cancelSubscription, PortalAction.CANCEL_SUBSCRIPTION, id),
                    checkedLink(reader, i, "update_subscription_payment_method", entry.updateSubscriptionPaymentMethod,
                            PortalAction.UPDATE_PAYMENT_METHOD, id));
            if (byId.put(id, links) != null) {
                throw reader.fail(field(i, null) + " repeats subscription " + id);
            }
        }
        List<SubscriptionLinks> ordered = new ArrayList<>(requested.size());
        for (SubscriptionId id : requested) {
            SubscriptionLinks links = byId.get(id);
            if (links == null) {
                throw reader.fail("data.urls.subscriptions has no links for requested subscription " + id);
            }
            ordered.add(links);
        }
        return ordered;
    }

    /**
     * Finds the requested subscription an answered entry is for, by its text: the requested IDs are already validated, so
     * a match needs no pattern check. Paddle answers in the order asked, so the entry's own position is tried first.
     *
     * @return the requested ID, or null when the entry's ID is none of them (then it is validated for the message)
     */
    private static SubscriptionId requestedWithId(List<SubscriptionId> requested, int position, String id) {
        if (position < requested.size() && requested.get(position).value().equals(id)) {
            return requested.get(position);
        }
        for (SubscriptionId candidate : requested) {
            if (candidate.value().equals(id)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * Checks one link: the one-pass {@link PortalLinkChecker} accepts the canonical links Paddle sends; any other link
     * (bad, or merely unusual) gets the full checks below, on a parsed URI, which name what is wrong. Returns the link's
     * text: the value types parse it into a URI only when a caller asks for that link.
     */
    private String checkedLink(ResponseReader reader, int entry, String name, String value, PortalAction action, SubscriptionId subscription) {
        if (value != null && fastPath.accepts(value, action.paddleName(), subscription == null ? null : subscription.value())) {
            return value;
        }
        String field = field(entry, name);
        reader.required(field, value);
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException malformed) {
            throw reader.fail(field + " is not a valid URL: " + shown(value));
        }
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null) {
            throw reader.fail(field + " is not an absolute http(s) URL: " + shown(value));
        }
        if (uri.getRawUserInfo() != null) {
            throw reader.fail(field + " carries user-info (it points to " + origin(uri) + ")");
        }
        String origin = origin(uri);
        if (!allowedOrigins.contains(origin)) {
            throw reader.fail(field + " points to " + origin + ", which is not an allowed portal origin " + allowedOrigins
                    + " (paddle.portal.allowed-origins)");
        }
        if (uri.getRawPath() == null || !PORTAL_PATH.matcher(uri.getRawPath()).matches()) {
            throw reader.fail(field + " does not have a customer portal path (/cpl_…): " + shown(value));
        }
        Map<String, String> query = query(uri.getRawQuery());
        if (query.containsValue(REPEATED)) {
            throw reader.fail(field + " repeats a query parameter, which makes it ambiguous: " + shown(value));
        }
        if (!action.paddleName().equals(query.get("action"))) {
            throw reader.fail(field + " has action=" + query.get("action") + ", expected " + action.paddleName());
        }
        String token = query.get("token");
        if (token == null || token.isEmpty()) {
            throw reader.fail(field + " has no sign-in token");
        }
        String linkedSubscription = query.get("subscription_id");
        if (subscription != null && !subscription.value().equals(linkedSubscription)) {
            throw reader.fail(field + " opens subscription_id=" + linkedSubscription + ", expected " + subscription);
        }
        if (subscription == null && linkedSubscription != null) {
            throw reader.fail(field + " names subscription_id=" + linkedSubscription + " although no subscription was requested for it");
        }
        return value;
    }

    /**
     * The link for a message (built only when a check fails: redaction is costly, and links are checked on every call): without its query and fragment, since the token may be there under any spelling of its
     * name (the checks decode {@code tok%65n} as {@code token}, {@link Secrets#redact(String)} does not).
     */
    private static String shown(String value) {
        int query = value.indexOf('?');
        int fragment = value.indexOf('#');
        int end = query < 0 ? fragment : fragment < 0 ? query : Math.min(query, fragment);
        return Secrets.redact(end < 0 ? value : value.substring(0, end) + "?[query hidden]");
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> parameters = new HashMap<>();
        if (rawQuery == null) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.merge(name, value, (first, second) -> REPEATED);
        }
        return parameters;
    }
}
