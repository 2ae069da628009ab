package dev.portallinks.demo.simulator;

import java.time.Instant;

/**
 * One of the simulated customer's subscriptions.
 *
 * @param id the subscription ID
 * @param status Paddle's status name
 * @param product the product name
 * @param price the price name
 * @param unitPriceCents the unit price in cents
 * @param quantity the quantity
 * @param nextBilledAt when it is billed next, or null
 */
record SimulatedSubscription(String id, String status, String product, String price, long unitPriceCents, int quantity, Instant nextBilledAt) {
}
