package com.zeues.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Test;

class FailureTextTest {

    @Test
    void theCausesOwnWordsWithoutItsClassName() {
        var cause = new UnknownTopicOrPartitionException("This server does not host this topic-partition.");
        assertThat(FailureText.of(new CompletionException(new ExecutionException(cause))))
                .isEqualTo("This server does not host this topic-partition.");
        assertThat(FailureText.of(new IllegalStateException("cannot provision Kafka topics: no answer")))
                .isEqualTo("cannot provision Kafka topics: no answer");
    }

    @Test
    void aFailureWithoutAMessageSaysSoInsteadOfNamingItsClass() {
        assertThat(FailureText.of(new NullPointerException())).isEqualTo("no detail given");
    }
}
