/**
 * Faces components that send the customer to the Paddle customer portal: {@code <pl:billingButtons>} and
 * {@code <pl:portalButton>} (namespace {@value dev.portallinks.faces.PortalButtonsBase#NAMESPACE}).
 *
 * <p>Rendering makes no call to Paddle and writes no portal link into the page. A click posts the form; in the
 * Invoke Application phase the component re-evaluates its customer and subscriptions on the server, checks the
 * click against them, asks {@link dev.portallinks.api.PortalLinkService} (found through CDI) for a fresh link and
 * answers with a {@code 303 See Other} to it.
 *
 * <p>The parts, as in OmniFaces: the components ({@link dev.portallinks.faces.BillingButtons},
 * {@link dev.portallinks.faces.PortalButton}) hold state and handle the click; their renderers
 * ({@link dev.portallinks.faces.BillingButtonsRenderer}, {@link dev.portallinks.faces.PortalButtonRenderer}) write the
 * markup and decode clicks and client behaviours; {@code ClickResolver} owns the posted values' format and the
 * refusal rules.
 */
package dev.portallinks.faces;
