package dev.portallinks.test;

import static dev.portallinks.test.PaddleSimulator.TOKEN_CHARACTERS;

import dev.portallinks.test.PaddleSimulator.PortalLink;
import java.util.List;
import java.util.Optional;

/**
 * The links of one portal session. As Paddle's, they share one {@code /cpl_…} path and one token; here the token's
 * last two characters number the link (scrambled by the session's mask), so that a link whose action or
 * subscription was changed is told apart from the issued one. Link 0 is the overview; links {@code 2i+1} and
 * {@code 2i+2} cancel and update the payment method of {@code subscriptions[i]}.
 *
 * @param key the token's random part, by which the simulator finds the session's links
 */
record IssuedLinks(String key, String customer, String path, int mask, List<String> subscriptions) {

    int count() {
        return 1 + 2 * subscriptions.size();
    }

    StringBuilder appendUrl(StringBuilder url, String origin, int link) {
        url.append(origin).append(path);
        if (link == 0) {
            url.append("?action=overview");
        } else {
            url.append("?action=").append(action(link)).append("&subscription_id=").append(subscriptions.get((link - 1) / 2));
        }
        int code = link ^ mask;
        return url.append("&token=pga_").append(key).append(TOKEN_CHARACTERS.charAt(code >>> 6 & 63)).append(TOKEN_CHARACTERS.charAt(code & 63));
    }

    private static String action(int link) {
        return link % 2 == 1 ? "cancel_subscription" : "update_subscription_payment_method";
    }

    /** @return what the link with this token code opens, when it is this action on this subscription */
    Optional<PortalLink> opens(int code, String action, String subscription) {
        int link = code ^ mask;
        if (link == 0) {
            return "overview".equals(action) && subscription == null ? Optional.of(new PortalLink(customer, action, null)) : Optional.empty();
        }
        if (link >= count() || !action(link).equals(action) || !subscriptions.get((link - 1) / 2).equals(subscription)) {
            return Optional.empty();
        }
        return Optional.of(new PortalLink(customer, action, subscription));
    }
}
