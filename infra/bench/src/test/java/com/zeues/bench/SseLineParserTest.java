package com.zeues.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseLineParserTest {

    @Test
    void parsesEventsAcrossArbitraryChunks() {
        List<SseLineParser.Event> events = new ArrayList<>();
        SseLineParser p = new SseLineParser(events::add);
        String stream = "retry: 3000\n\n: keep-alive\n\nevent: snapshot\ndata: []\n\nid: 17-1\nevent: spool_update\n"
                + "data: {\"version\":3}\n\r\nevent: status\ndata: {\"kafka\":\"ok\"}\n\n";
        for (int i = 0; i < stream.length(); i += 7) {
            p.feed(stream.substring(i, Math.min(stream.length(), i + 7)));
        }
        assertThat(events).extracting(SseLineParser.Event::type).containsExactly("snapshot", "spool_update", "status");
        assertThat(events.get(1).id()).isEqualTo("17-1");
        assertThat(events.get(1).data()).isEqualTo("{\"version\":3}");
    }

    @Test
    void joinsMultiLineData() {
        List<SseLineParser.Event> events = new ArrayList<>();
        SseLineParser p = new SseLineParser(events::add);
        p.feed("data: a\ndata: b\n\n");
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("message");
            assertThat(e.data()).isEqualTo("a\nb");
        });
    }
}
