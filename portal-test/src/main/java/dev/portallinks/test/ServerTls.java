package dev.portallinks.test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * How the simulator's server speaks TLS: the key store it serves (made at start, or the test's own), and optionally
 * the trust store a client's certificate must be trusted by, in which case a client without one is refused.
 *
 * @param keyStore the PKCS12 key store with the server's certificate and key
 * @param keyStorePassword its password, also the key's
 * @param clientTrustStore the PKCS12 trust store for client certificates, or null when none is asked for
 * @param clientTrustStorePassword its password, or null
 */
record ServerTls(Path keyStore, char[] keyStorePassword, Path clientTrustStore, char[] clientTrustStorePassword) {

    /** @return whether a client must present a certificate */
    boolean needsClientCertificate() {
        return clientTrustStore != null;
    }

    /** @return the server's TLS context */
    SSLContext context() {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(load(keyStore, keyStorePassword), keyStorePassword);
            TrustManagerFactory trust = null;
            if (clientTrustStore != null) {
                trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(load(clientTrustStore, clientTrustStorePassword));
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException failed) {
            throw new IllegalStateException("The simulator could not load its key store " + keyStore
                    + (clientTrustStore == null ? "" : " or the client trust store " + clientTrustStore), failed);
        }
    }

    /**
     * @param path a PKCS12 store
     * @param password its password
     * @return it loaded
     */
    static KeyStore load(Path path, char[] password) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(path)) {
            store.load(in, password);
        }
        return store;
    }
}
