package dev.portallinks.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for 127.0.0.1 and {@code localhost}, made by the JDK's {@code keytool} in a temporary
 * directory when a simulator starts with HTTPS: the key store the simulator serves with, and a trust store holding only
 * that certificate, for the client under test.
 */
final class GeneratedCertificate {

    private final Path directory;
    private final Path keyStore;
    private final Path trustStore;
    private final char[] password;

    private GeneratedCertificate(Path directory, char[] password) {
        this.directory = directory;
        this.keyStore = directory.resolve("simulator-key.p12");
        this.trustStore = directory.resolve("simulator-trust.p12");
        this.password = password;
    }

    /** @return a new certificate, valid for 2 days */
    static GeneratedCertificate create() {
        try {
            Path directory = Files.createTempDirectory("paddle-simulator-tls");
            StringBuilder secret = new StringBuilder();
            SecureRandom random = new SecureRandom();
            for (int i = 0; i < 24; i++) {
                secret.append((char) ('a' + random.nextInt(26)));
            }
            GeneratedCertificate certificate = new GeneratedCertificate(directory, secret.toString().toCharArray());
            String pass = secret.toString();
            Path exported = directory.resolve("simulator.crt");
            certificate.keytool("-genkeypair", "-alias", "paddle-simulator", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                    "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                    "-keystore", certificate.keyStore.toString(), "-storepass", pass, "-keypass", pass);
            certificate.keytool("-exportcert", "-alias", "paddle-simulator", "-keystore", certificate.keyStore.toString(), "-storepass", pass,
                    "-file", exported.toString());
            certificate.keytool("-importcert", "-noprompt", "-alias", "paddle-simulator", "-file", exported.toString(), "-storetype", "PKCS12",
                    "-keystore", certificate.trustStore.toString(), "-storepass", pass);
            return certificate;
        } catch (IOException failed) {
            throw new UncheckedIOException("Could not create the simulator's certificate", failed);
        }
    }

    private void keytool(String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (InputStream output = process.getInputStream()) {
            String text = new String(output.readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool " + arguments[0] + " failed: " + text.strip());
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while keytool ran", interrupted);
        }
    }

    /** @return the key store with this certificate and its key, for the server side */
    Path keyStore() {
        return keyStore;
    }

    /** @return the password of both stores and of the key */
    char[] passwordChars() {
        return password.clone();
    }

    /** @return a client side that trusts only this certificate */
    SSLContext clientContext() {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(ServerTls.load(trustStore, password));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException failed) {
            throw new IllegalStateException("Could not load the simulator's trust store", failed);
        }
    }

    Path trustStore() {
        return trustStore;
    }

    String password() {
        return new String(password);
    }

    void delete() {
        for (Path file : new Path[] {keyStore, trustStore, directory.resolve("simulator.crt"), directory}) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary directory: the OS cleans it up
            }
        }
    }
}
