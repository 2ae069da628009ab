/**
 * A Paddle simulator inside the demo (not part of the library): Paddle's wire format for
 * {@code GET /subscriptions} and {@code POST /customers/{customer_id}/portal-sessions}, a simulated customer
 * portal page for the links it hands out, and switches to make it misbehave (slow, 500, 429) for trying the
 * library's fault tolerance by hand.
 */
package dev.portallinks.demo.simulator;
