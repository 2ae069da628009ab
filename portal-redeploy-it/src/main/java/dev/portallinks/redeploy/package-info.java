/**
 * The redeploy test's application: a billing page with the Faces component and the customer the redirect endpoint
 * serves.
 */
package dev.portallinks.redeploy;
