/**
 * What the library keeps of customers' subscriptions between listings: the default {@link dev.portallinks.api.SubscriptionStore}
 * in memory, and the rule that decides when a listing is served from it instead of Paddle.
 */
package dev.portallinks.impl.store;
