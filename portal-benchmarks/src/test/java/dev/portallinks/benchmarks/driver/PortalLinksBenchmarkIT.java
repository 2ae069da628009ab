package dev.portallinks.benchmarks.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the benchmark driver from the build (failsafe, after the build started Liberty). It fails only when a
 * scenario could not run; targets met or missed are reported in target/benchmarks, never asserted.
 */
class PortalLinksBenchmarkIT {

    @Test
    void runAllScenarios() throws Exception {
        List<String> problems = BenchmarkDriver.runFromSystemProperties();
        assertEquals(List.of(), problems, "scenarios that could not run");
    }
}
