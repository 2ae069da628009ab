package dev.portallinks.readme;

import dev.portallinks.api.CustomerId;
import dev.portallinks.api.SubscriptionId;
import java.util.Optional;
import java.util.Set;

/** README's stand-in for the application's own account store: the user's Paddle customer and subscriptions. */
public interface AccountRepository {

    /**
     * @param login the signed-in user's name
     * @return the account, or empty
     */
    Optional<Account> findByLogin(String login);

    /**
     * An account of the application.
     *
     * @param paddleCustomerId its Paddle customer
     * @param subscriptionsTheUserMayManage the subscriptions its user may open in the portal
     */
    record Account(CustomerId paddleCustomerId, Set<SubscriptionId> subscriptionsTheUserMayManage) {
    }
}
