package dev.portallinks.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The simulator defaults apply only without an API key, and never outrank what the user configures. */
class DemoConfigSourceTest {

    @Test
    void withoutAKeyTheDemoUsesTheSimulatorOnItsOwnPort() {
        DemoConfigSource source = new DemoConfigSource(Map.of("HTTP_PORT", "9191"), false);

        assertThat(source.getValue("portal.demo.simulator")).isEqualTo("true");
        assertThat(source.getValue("paddle.api-key")).isEqualTo(DemoConfigSource.SIMULATOR_KEY);
        assertThat(source.getValue("paddle.base-url")).isEqualTo("http://localhost:9191/simulator");
        assertThat(source.getValue("paddle.portal.allowed-origins")).endsWith(",http://localhost:9191");
        assertThat(source.getValue("portal.demo.customer-id")).isEqualTo(DemoConfigSource.SIMULATED_CUSTOMER);
    }

    @Test
    void withAKeyInTheEnvironmentItSuppliesNothingButTheFlag() {
        DemoConfigSource source = new DemoConfigSource(Map.of("PADDLE_API_KEY", "pdl_sdbx_apikey_01abc", "PADDLE_BASE_URL", "http://127.0.0.1:8089"),
                false);

        assertThat(source.getPropertyNames()).containsExactly("portal.demo.simulator");
        assertThat(source.getValue("portal.demo.simulator")).isEqualTo("false");
        assertThat(source.getValue("paddle.base-url")).isNull();
        assertThat(source.getValue("paddle.portal.allowed-origins")).isNull();
    }

    @Test
    void withAKeyAsSystemPropertyItSuppliesNoKey() {
        DemoConfigSource source = new DemoConfigSource(Map.of(), true);

        assertThat(source.getValue("paddle.api-key")).isNull();
    }

    @Test
    void itRanksBelowEveryStandardSource() {
        assertThat(new DemoConfigSource(Map.of(), false).getOrdinal()).isLessThan(100);
    }
}
