package dev.portallinks.impl.paddle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.Test;

// The request filter that carries the API key: sends it, never shows it.
class PaddleHeadersTest {

    private static final String KEY = "pdl_sdbx_apikey_01hv8x29kz0t586xy6zn1a62ny_UnitTestSecret";

    @Test
    void toStringDoesNotShowTheKey() {
        PaddleHeaders headers = new PaddleHeaders(KEY, "portal-links/test");

        assertThat(headers.toString()).doesNotContain(KEY).doesNotContain("UnitTestSecret").doesNotContain("01hv8x29kz0t586xy6zn1a62ny")
                .contains("Bearer [redacted]", "Paddle-Version=1");
    }

    @Test
    void filterSetsAuthorizationVersionAndUserAgent() {
        MultivaluedMap<String, Object> sent = new MultivaluedHashMap<>();
        sent.add("Authorization", "Bearer something-else");
        ClientRequestContext request = (ClientRequestContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ClientRequestContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getHeaders")) {
                        return sent;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });

        new PaddleHeaders(KEY, "portal-links/test").filter(request);

        assertThat(sent.get("Authorization")).isEqualTo(List.of("Bearer " + KEY));
        assertThat(sent.get("Paddle-Version")).isEqualTo(List.of("1"));
        assertThat(sent.get("User-Agent")).isEqualTo(List.of("portal-links/test"));
    }

    @Test
    void missingKeyIsRefused() {
        assertThatThrownBy(() -> new PaddleHeaders(null, "portal-links/test")).isInstanceOf(NullPointerException.class).hasMessage("apiKey");
    }
}
