package com.zeues.connector.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SinkCursorTest {

    @Test
    void aCursorWithAPlanAndATakeoverSurvivesTheOffsetMetadata() {
        SinkCursor c = new SinkCursor(42, 3, 1337, Map.of(0, 120L, 5, 98L, 1, 0L),
                new SinkCursor.Position(1, 200_001));

        String encoded = c.encode();

        assertThat(encoded).isEqualTo("zsink1;s=42;c=3:1337;p=0:120,1:0,5:98;t=1:200001");
        assertThat(SinkCursor.decode(encoded)).isEqualTo(c);
        assertThat(SinkCursor.decode(encoded).hasPlan()).isTrue();
    }

    @Test
    void aPlainCursorHasNoPlan() {
        SinkCursor c = new SinkCursor(7, 1, 2, Map.of(), null);

        assertThat(c.encode()).isEqualTo("zsink1;s=7;c=1:2");
        assertThat(SinkCursor.decode(c.encode())).isEqualTo(c);
        assertThat(c.hasPlan()).isFalse();
    }

    @Test
    void foreignOrBrokenMetadataIsNoCursor() {
        assertThat(SinkCursor.decode(null)).isNull();
        assertThat(SinkCursor.decode("")).isNull();
        assertThat(SinkCursor.decode("something else")).isNull();
        assertThat(SinkCursor.decode("zsink1;s=x;c=1:2")).isNull();
        assertThat(SinkCursor.decode("zsink1;s=1;c=0:2")).isNull();
        assertThat(SinkCursor.decode("zsink1;c=1:2")).isNull();
    }

    @Test
    void aLaterVersionsFieldsAreIgnored() {
        assertThat(SinkCursor.decode("zsink1;s=3;c=2:10;x=whatever")).isEqualTo(new SinkCursor(3, 2, 10, Map.of(),
                null));
    }
}
