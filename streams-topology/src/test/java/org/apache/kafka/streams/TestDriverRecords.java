package org.apache.kafka.streams;

import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Reads the raw producer record the {@link TopologyTestDriver} captured, partition included: {@code TestRecord}
 * drops the partition, and the driver's own reader is package-private. Lives in the driver's package for that
 * reason only.
 */
public final class TestDriverRecords {

    private TestDriverRecords() {
    }

    /** The next record written to {@code topic}, or null; it is consumed, as a TestOutputTopic would. */
    public static ProducerRecord<byte[], byte[]> next(TopologyTestDriver driver, String topic) {
        return driver.readRecord(topic);
    }
}
