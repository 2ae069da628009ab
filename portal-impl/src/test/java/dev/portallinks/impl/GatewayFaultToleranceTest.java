package dev.portallinks.impl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portallinks.api.PaddleOperation;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

// The retries a failed attempt's log line counts with: method, class and global keys, then the annotation (2).
class GatewayFaultToleranceTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            the annotation                       | -                                                                       | 2
            class key                            | dev.portallinks.impl.PaddleGateway/Retry/maxRetries=0                   | 0
            global key                           | Retry/maxRetries=5                                                      | 5
            method key, this method              | dev.portallinks.impl.PaddleGateway/createPortalSession/Retry/maxRetries=1 | 1
            method key, the other method         | dev.portallinks.impl.PaddleGateway/listSubscriptions/Retry/maxRetries=1 | 2
            no limit                             | Retry/maxRetries=-1                                                     | -1
            malformed: the annotation            | Retry/maxRetries=many                                                   | 2
            retry switched off                   | dev.portallinks.impl.PaddleGateway/Retry/enabled=false                  | 0
            everything but fallback switched off | MP_Fault_Tolerance_NonFallback_Enabled=false                            | 0
            """)
    void maxRetriesFollowsTheConfiguration(String description, String setting, int expected) {
        Map<String, String> config = new HashMap<>();
        if (setting != null) {
            config.put(setting.substring(0, setting.indexOf('=')), setting.substring(setting.indexOf('=') + 1));
        }

        int retries = new GatewayFaultTolerance(key -> Optional.ofNullable(config.get(key))).maxRetries(PaddleOperation.CREATE_PORTAL_SESSION);

        assertThat(retries).isEqualTo(expected);
    }
}
