package com.zeues.topology;

import com.zeues.domain.model.Verdict;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.processor.StreamPartitioner;

/** Sends each verdict to the reply partition its command named: the one its sending instance reads. */
public final class ReplyPartitioner implements StreamPartitioner<String, Verdict> {

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, Verdict verdict, int numPartitions) {
        int p = verdict == null ? 0 : Math.floorMod(verdict.replyPartition(), numPartitions);
        return Optional.of(Set.of(p));
    }
}
