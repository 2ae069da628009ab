package dev.portallinks.webhooks.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The duplicate memory and the ordering memory: their rules and their bounds. */
class MemoriesTest {

    @Test
    void anEventIdIsNewOnceUntilForgotten() {
        EventIdMemory memory = new EventIdMemory(10);

        assertThat(memory.remember("evt_1")).isTrue();
        assertThat(memory.remember("evt_1")).isFalse();
        memory.forget("evt_1");
        assertThat(memory.remember("evt_1")).isTrue();
    }

    @Test
    void theEventIdMemoryForgetsTheLeastRecentlySeenBeyondItsCapacity() {
        EventIdMemory memory = new EventIdMemory(2);
        memory.remember("evt_1");
        memory.remember("evt_2");
        memory.remember("evt_1");
        memory.remember("evt_3");

        assertThat(memory.remember("evt_1")).as("seen lately").isFalse();
        assertThat(memory.remember("evt_2")).as("forgotten").isTrue();
    }

    @Test
    void anOlderOccurrenceIsStaleAndDoesNotReplaceTheNewer() {
        EntityVersions versions = new EntityVersions.InMemory(10);
        Instant t = Instant.parse("2024-04-12T10:18:49.621022Z");

        assertThat(versions.olderThanKnown("sub_a", t)).isFalse();
        assertThat(versions.olderThanKnown("sub_a", t.minusNanos(1000))).isTrue();
        assertThat(versions.olderThanKnown("sub_a", t.minusNanos(500))).as("still older than the newest").isTrue();
        assertThat(versions.olderThanKnown("sub_a", t)).as("the same instant is not older").isFalse();
        assertThat(versions.olderThanKnown("sub_b", t.minusSeconds(60))).as("another entity").isFalse();
        assertThat(versions.olderThanKnown("sub_a", t.plusSeconds(1))).isFalse();
        assertThat(versions.olderThanKnown("sub_a", t)).as("the newer one is now the latest").isTrue();
    }

    @Test
    void theOrderingMemoryIsBounded() {
        EntityVersions versions = new EntityVersions.InMemory(1);
        Instant t = Instant.parse("2024-04-12T10:18:49Z");
        versions.olderThanKnown("sub_a", t);
        versions.olderThanKnown("sub_b", t);

        assertThat(versions.olderThanKnown("sub_a", t.minusSeconds(1))).as("forgotten").isFalse();
    }
}
