package com.zeues.occupation.sse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Contract §5: replay what is still held; anything else gets a snapshot (null here). */
class ReplayBufferTest {

    static SseEvent event(long seq, long at) {
        return new SseEvent(seq, "T", null, at, SseFrame.event("1-" + seq, null, "{}"));
    }

    @Test
    void replaysTheEventsAfterTheLastOneSeen() {
        ReplayBuffer b = new ReplayBuffer(10, 60_000);
        for (long s = 1; s <= 5; s++) {
            b.add(event(s, 1_000), 1_000);
        }
        assertThat(b.after(2, 5, 1_000)).extracting(SseEvent::seq).containsExactly(3L, 4L, 5L);
        assertThat(b.after(0, 5, 1_000)).extracting(SseEvent::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(b.after(5, 5, 1_000)).as("nothing missed").isEmpty();
        assertThat(b.after(6, 5, 1_000)).as("never issued").isNull();
    }

    @Test
    void capsByCountAndByAge() {
        ReplayBuffer b = new ReplayBuffer(3, 60_000);
        for (long s = 1; s <= 5; s++) {
            b.add(event(s, 1_000), 1_000);
        }
        assertThat(b.size()).isEqualTo(3);
        assertThat(b.after(1, 5, 1_000)).as("event 2 is gone").isNull();
        assertThat(b.after(2, 5, 1_000)).extracting(SseEvent::seq).containsExactly(3L, 4L, 5L);

        ReplayBuffer aging = new ReplayBuffer(100, 10_000);
        aging.add(event(1, 0), 0);
        aging.add(event(2, 5_000), 5_000);
        assertThat(aging.after(0, 2, 12_000)).as("event 1 is older than the window").isNull();
        assertThat(aging.after(1, 2, 12_000)).extracting(SseEvent::seq).containsExactly(2L);
        assertThat(aging.after(1, 2, 16_000)).as("both expired; the client missed one").isNull();
        assertThat(aging.after(2, 2, 16_000)).isEmpty();
    }
}
