package com.zeues.occupation.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SseFrameTest {

    @Test
    void anEventIsIdEventAndOneDataLinePerLineEndedByABlankLine() {
        assertThat(SseFrame.event("17-3", "spool_update", "{\"tag_spool\":\"Ñandú-1\"}").toString())
                .isEqualTo("id:17-3\nevent:spool_update\ndata:{\"tag_spool\":\"Ñandú-1\"}\n\n");
        assertThat(SseFrame.event(null, "status", "a\nb\r\nc").toString())
                .isEqualTo("event:status\ndata:a\ndata:b\ndata:c\n\n");
    }

    @Test
    void aCommentMayCarryTheRetryDelay() {
        assertThat(SseFrame.comment("keep-alive", null).toString()).isEqualTo(":keep-alive\n\n");
        assertThat(SseFrame.comment("zeues 1", 3000L).toString()).isEqualTo("retry:3000\n:zeues 1\n\n");
    }

    @Test
    void theBytesAreUtf8AndSharedByEveryClient() {
        SseFrame f = SseFrame.event("1-1", null, "ñ");
        assertThat(f.bytes()).isSameAs(f.bytes()).isEqualTo("id:1-1\ndata:ñ\n\n".getBytes(StandardCharsets.UTF_8));
    }
}
