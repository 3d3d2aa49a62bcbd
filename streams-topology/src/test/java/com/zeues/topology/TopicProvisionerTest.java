package com.zeues.topology;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.DescribeConfigsResult;
import org.apache.kafka.clients.admin.DescribeTopicsResult;
import org.apache.kafka.clients.admin.ListTopicsResult;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.internals.KafkaFutureImpl;
import org.junit.jupiter.api.Test;

class TopicProvisionerTest {

    private final TopicRegistry topics = new TopicRegistry(new TopicRegistry.Settings("test.", 6, 4, (short) 1));
    private final List<TopicSpec<?, ?>> specs = topics.all();
    private final Admin admin = mock(Admin.class);

    /** The topics exist (another process has just created them) but the broker's metadata does not know them yet. */
    @Test
    void topicsJustCreatedElsewhereAreAskedForAgainUntilTheBrokerKnowsThem() {
        everyTopicListed();
        DescribeTopicsResult unknown = describing(
                failed(new UnknownTopicOrPartitionException("This server does not host this topic-partition.")));
        DescribeTopicsResult known = describing(KafkaFuture.completedFuture(descriptions()));
        when(admin.describeTopics(anyCollection())).thenReturn(unknown, unknown, known);
        configsAsTheRegistrySays();

        TopicProvisioner.ensure(admin, specs);

        verify(admin, times(3)).describeTopics(anyCollection());
    }

    @Test
    void aRefusalIsReportedInTheBrokersWordsWithoutClassNames() {
        everyTopicListed();
        DescribeTopicsResult refused = describing(
                failed(new TopicAuthorizationException("Not authorized to access topics: [test.x]")));
        when(admin.describeTopics(anyCollection())).thenReturn(refused);

        assertThatThrownBy(() -> TopicProvisioner.ensure(admin, specs))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot provision Kafka topics: Not authorized to access topics: [test.x]");
        verify(admin, times(1)).describeTopics(anyCollection());
    }

    private void everyTopicListed() {
        ListTopicsResult list = mock(ListTopicsResult.class);
        when(list.names()).thenReturn(KafkaFuture.completedFuture(
                specs.stream().map(TopicSpec::name).collect(Collectors.toSet())));
        when(admin.listTopics()).thenReturn(list);
    }

    private void configsAsTheRegistrySays() {
        DescribeConfigsResult configs = mock(DescribeConfigsResult.class);
        when(configs.all()).thenReturn(KafkaFuture.completedFuture(specs.stream().collect(Collectors.toMap(
                s -> new ConfigResource(ConfigResource.Type.TOPIC, s.name()),
                s -> new Config(List.of(new ConfigEntry("cleanup.policy", s.cleanupPolicy())))))));
        when(admin.describeConfigs(anyCollection())).thenReturn(configs);
    }

    private Map<String, TopicDescription> descriptions() {
        Node node = new Node(1, "127.0.0.1", 9092);
        return specs.stream().collect(Collectors.toMap(TopicSpec::name, s -> new TopicDescription(s.name(), false,
                IntStream.range(0, s.partitions()).mapToObj(p -> new TopicPartitionInfo(p, node, List.of(node),
                        List.of(node))).toList()), (a, b) -> a));
    }

    private static DescribeTopicsResult describing(KafkaFuture<Map<String, TopicDescription>> future) {
        DescribeTopicsResult result = mock(DescribeTopicsResult.class);
        when(result.allTopicNames()).thenReturn(future);
        return result;
    }

    private static <T> KafkaFuture<T> failed(Exception e) {
        KafkaFutureImpl<T> f = new KafkaFutureImpl<>();
        f.completeExceptionally(e);
        return f;
    }
}
