package com.zeues.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.zeues.domain.model.Verdict;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Architecture §4: the reply partition travels in the command and the verdict goes there. (TopologyTestDriver
 * reports one partition per topic, so the partitioner is tested on its own.)
 */
class ReplyPartitionerTest {

    private final ReplyPartitioner partitioner = new ReplyPartitioner();

    private static Verdict verdict(int replyPartition) {
        return new Verdict("r", "c", replyPartition, "TAG", "x", 200, Map.of());
    }

    @Test
    void theVerdictGoesToThePartitionItsCommandNamed() {
        for (int p = 0; p < 4; p++) {
            assertThat(partitioner.partitions("zeues.replies", "c", verdict(p), 4)).isEqualTo(Optional.of(Set.of(p)));
        }
    }

    @Test
    void thePartitionDoesNotDependOnTheKey() {
        assertThat(partitioner.partitions("zeues.replies", "any-correlation-id", verdict(2), 4))
                .isEqualTo(partitioner.partitions("zeues.replies", "another-one", verdict(2), 4));
    }

    @Test
    void outOfRangeOrMissingStaysWithinTheTopic() {
        assertThat(partitioner.partitions("zeues.replies", "c", verdict(5), 4)).isEqualTo(Optional.of(Set.of(1)));
        assertThat(partitioner.partitions("zeues.replies", "c", verdict(-1), 4)).isEqualTo(Optional.of(Set.of(3)));
        assertThat(partitioner.partitions("zeues.replies", "c", null, 4)).isEqualTo(Optional.of(Set.of(0)));
    }
}
