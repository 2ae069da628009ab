/**
 * Paddle's notifications (webhooks) as typed CDI events: add {@code dev.portallinks:portal-webhooks} to the application,
 * set the notification destination's secret, and observe what the application needs.
 *
 * <h2>Observing</h2>
 *
 * Every notification Paddle sends is fired, after its signature is checked, as one of
 * {@link dev.portallinks.webhooks.SubscriptionEvent} ({@code subscription.*}), {@link dev.portallinks.webhooks.CustomerEvent}
 * ({@code customer.*}), {@link dev.portallinks.webhooks.TransactionEvent} ({@code transaction.*}) or
 * {@link dev.portallinks.webhooks.UnknownPaddleEvent} (any other type, never an error), all
 * {@link dev.portallinks.webhooks.PaddleNotification}s, with the qualifier {@link dev.portallinks.webhooks.PaddleEventType}
 * of Paddle's {@code event_type}. Both {@code @Observes} and {@code @ObservesAsync} observers are notified. An application
 * that keeps subscriptions in its own database, as Laravel Cashier does:
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class BillingSync {
 *     @Inject AccountRepository accounts; // the application's own
 *
 *     @Transactional
 *     void subscriptionChanged(@Observes SubscriptionEvent event) {
 *         if (!event.stale()) { // a stale event is older than one already seen: do not overwrite newer state
 *             accounts.saveSubscription(event.subscription(), event.occurredAt());
 *         }
 *     }
 *
 *     void canceled(@Observes @PaddleEventType(PaddleEventType.SUBSCRIPTION_CANCELED) SubscriptionEvent event) {
 *         accounts.revokeAccess(event.subscription().customer());
 *     }
 * }
 * }</pre>
 *
 * <h2>Configuration (MicroProfile Config)</h2>
 *
 * <table>
 * <caption>paddle.webhooks.*</caption>
 * <tr><th>property</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code paddle.webhooks.secrets} (environment variable {@code PADDLE_WEBHOOK_SECRETS})</td><td>none</td><td>the secret key of
 * the notification destination in Paddle ({@code pdl_ntfset_…}); several separated by commas while one is rotated: a
 * notification signed with any of them is accepted. A malformed entry fails the deployment; the message names the property
 * and the entry's position, never its value.</td></tr>
 * <tr><td>{@code paddle.webhooks.enabled}</td><td>true when a secret is set</td><td>false: no receiver. True without a secret
 * fails the deployment.</td></tr>
 * <tr><td>{@code paddle.webhooks.path}</td><td>{@code paddle/webhooks}</td><td>the receiver's path below the context root: the URL
 * to register in Paddle is {@code https://<host>/<context root>/paddle/webhooks}</td></tr>
 * <tr><td>{@code paddle.webhooks.tolerance}</td><td>{@code 5}</td><td>whole seconds a signature's timestamp may lie in the past (as
 * Paddle's SDKs); 0 to 86400</td></tr>
 * <tr><td>{@code paddle.webhooks.future-allowance}</td><td>{@code 5}</td><td>whole seconds it may lie in the future (clock skew
 * between Paddle and this server); 0 to 86400</td></tr>
 * <tr><td>{@code paddle.webhooks.max-body-bytes}</td><td>{@code 1048576}</td><td>the largest body accepted (1024 to 67108864)</td></tr>
 * </table>
 *
 * <h2>What the receiver answers</h2>
 *
 * <ul>
 * <li>Anything but POST: 405. A content type other than {@code application/json} (with or without a charset): 415. A body
 * over the limit: 413, after reading at most the limit plus one byte.</li>
 * <li>A {@code Paddle-Signature} missing, malformed ({@code ts=…;h1=…} is required; unknown keys such as {@code h2} are
 * ignored), older than the tolerance, further ahead than the allowance, or with no {@code h1} matching the HMAC-SHA256 of
 * {@code ts + ":" + raw body} under any secret (compared with {@code MessageDigest.isEqual}, in constant time): 401. The
 * raw bytes are checked before anything reads them as JSON.</li>
 * <li>A signed body that is not a notification (not JSON; {@code event_id}, {@code event_type} or {@code occurred_at}
 * missing; a subscription, customer or transaction without its ID, or a subscription without customer, status or
 * currency): 400.</li>
 * <li>Otherwise 200, at once: the events are fired afterwards on the server's managed executor
 * ({@code java:comp/DefaultManagedExecutorService}; Open Liberty needs the features {@code concurrent-3.0} and {@code jndi-1.0}), so slow
 * observers never make Paddle wait past its 5 s. If the executor refuses the work: 503, and Paddle retries.</li>
 * </ul>
 * Every refusal has an empty body and is logged at WARNING at most once a minute per kind, without the body, a header
 * value or a secret.
 *
 * <h2>Delivery rules</h2>
 *
 * <ul>
 * <li><b>Duplicates.</b> Paddle delivers at least once. An {@code event_id} accepted before is answered 200 and not fired
 * again. The memory is the last 100 000 event IDs of this application instance; it is not shared in a cluster yet, so
 * another instance may fire a duplicate: observers must be idempotent (key on {@link
 * dev.portallinks.webhooks.PaddleNotification#eventId()}).</li>
 * <li><b>Order.</b> Paddle does not guarantee the order. For each entity ({@code data.id}: a subscription, customer,
 * transaction) the newest {@code occurred_at} accepted is kept (the last 100 000 entities); an older event is still fired,
 * with {@link dev.portallinks.webhooks.PaddleNotification#stale()} true, and must not overwrite newer state.</li>
 * <li><b>A failing observer.</b> The 200 has gone before observers run, so Paddle does not retry on its own. An observer
 * that throws (synchronous or asynchronous) is logged at WARNING with the event ID and type and the exception's class and
 * message, and the event ID is forgotten: the next delivery of the event (a replay from Paddle's dashboard, or a retry) is
 * fired again, to every observer. When a synchronous observer throws, the asynchronous ones are not notified. An
 * application that must not lose an event records it in its own outbox in a synchronous observer, in its own transaction.</li>
 * </ul>
 */
package dev.portallinks.webhooks;
