package dev.portallinks.impl;

import java.net.URI;

/** Paddle's two environments, each with its own API and its own keys. */
public enum PaddleEnvironment {

    /** Test data; keys start with {@code pdl_sdbx_apikey_}. */
    SANDBOX("sandbox", "pdl_sdbx_apikey_", URI.create("https://sandbox-api.paddle.com")),

    /** Real money; keys start with {@code pdl_live_apikey_}. */
    LIVE("live", "pdl_live_apikey_", URI.create("https://api.paddle.com"));

    private final String configName;
    private final String keyPrefix;
    private final URI apiUrl;

    PaddleEnvironment(String configName, String keyPrefix, URI apiUrl) {
        this.configName = configName;
        this.keyPrefix = keyPrefix;
        this.apiUrl = apiUrl;
    }

    /** @return the value of {@code paddle.environment} for this environment */
    public String configName() {
        return configName;
    }

    /** @return the prefix of this environment's API keys */
    public String keyPrefix() {
        return keyPrefix;
    }

    /** @return Paddle's API URL for this environment */
    public URI apiUrl() {
        return apiUrl;
    }

    /** @return the other environment */
    public PaddleEnvironment other() {
        return this == SANDBOX ? LIVE : SANDBOX;
    }
}
