package dev.portallinks.impl;

import java.security.KeyStore;
import java.util.Optional;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;

/**
 * How the HTTP client reaches Paddle on a corporate network: the trust store for Paddle's (or a TLS-inspecting
 * proxy's) certificate, a client key store, a hostname verifier and an HTTP proxy. Read from the standard
 * MicroProfile Rest Client keys of the client to Paddle ({@value SettingsReader#REST_CLIENT_PREFIX}…) by
 * {@link SettingsReader}, the stores already loaded and made into a TLS context, so a wrong path or password is a
 * configuration error at start-up. No password is kept.
 *
 * @param trustStore the certificates to trust instead of the JVM's (or the server's) defaults
 * @param keyStore a client certificate and key
 * @param sslContext made from the trust store and the key store when either is configured; given to the HTTP client
 *        as a whole, because some servers (Open Liberty with {@code transportSecurity}) put their own trust manager
 *        in place of a trust store alone
 * @param hostnameVerifier replaces the default hostname verification
 * @param proxy the HTTP proxy to go through
 */
public record ConnectionSettings(Optional<KeyStore> trustStore, Optional<KeyStore> keyStore, Optional<SSLContext> sslContext,
        Optional<HostnameVerifier> hostnameVerifier, Optional<ProxyAddress> proxy) {

    /**
     * An HTTP proxy.
     *
     * @param host the proxy's host
     * @param port the proxy's port
     */
    public record ProxyAddress(String host, int port) {

        @Override
        public String toString() {
            return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
        }
    }

    @Override
    public String toString() {
        return "ConnectionSettings[trustStore=" + (trustStore.isPresent() ? "configured" : "default") + ", keyStore="
                + (keyStore.isPresent() ? "configured" : "none") + ", hostnameVerifier=" + hostnameVerifier.map(v -> v.getClass().getName())
                        .orElse("default") + ", proxy=" + proxy.map(ProxyAddress::toString).orElse("none") + "]";
    }
}
