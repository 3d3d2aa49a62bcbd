package com.zeues.topology;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the registry's missing topics and refuses an existing topic whose partition count or cleanup
 * policy differs: a silently different layout would break per-spool ordering or co-partitioning.
 */
public final class TopicProvisioner {

    private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);
    private static final long TIMEOUT_S = 30;

    private TopicProvisioner() {
    }

    public static void ensure(Admin admin, Collection<TopicSpec<?, ?>> specs) {
        try {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT_S, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            List<TopicSpec<?, ?>> present = new ArrayList<>();
            for (TopicSpec<?, ?> spec : specs) {
                if (existing.contains(spec.name())) {
                    present.add(spec);
                } else {
                    missing.add(spec.newTopic());
                }
            }
            if (!missing.isEmpty()) {
                try {
                    admin.createTopics(missing).all().get(TIMEOUT_S, TimeUnit.SECONDS);
                    log.info("created topics {}", missing.stream().map(NewTopic::name).toList());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e; // another instance creating them at the same time is fine
                    }
                    present.addAll(specs.stream().filter(s -> missing.stream()
                            .anyMatch(n -> n.name().equals(s.name()))).toList());
                }
            }
            verify(admin, present);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while provisioning topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot provision Kafka topics: " + FailureText.of(e), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot provision Kafka topics: no answer from Kafka within "
                    + TIMEOUT_S + " s", e);
        }
    }

    private static void verify(Admin admin, List<TopicSpec<?, ?>> specs)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (specs.isEmpty()) {
            return;
        }
        Map<String, TopicDescription> descriptions = describe(admin, specs);
        List<ConfigResource> resources = specs.stream()
                .map(s -> new ConfigResource(ConfigResource.Type.TOPIC, s.name())).toList();
        Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get(TIMEOUT_S, TimeUnit.SECONDS);
        List<String> problems = new ArrayList<>();
        for (TopicSpec<?, ?> spec : specs) {
            int partitions = descriptions.get(spec.name()).partitions().size();
            if (partitions != spec.partitions()) {
                problems.add(spec.name() + " has " + partitions + " partitions, expected " + spec.partitions());
            }
            var entry = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, spec.name())).get("cleanup.policy");
            String policy = entry == null ? "delete" : entry.value();
            if (!policy.equals(spec.cleanupPolicy())) {
                problems.add(spec.name() + " has cleanup.policy=" + policy + ", expected " + spec.cleanupPolicy());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("existing topics do not match the registry (fix the topics or "
                    + "zeues.topics.partitions): " + String.join("; ", problems));
        }
    }

    /**
     * Topics another process has just created (the service and the connector provision the same ones at start) may
     * not be known to the broker's metadata yet: asked again until they are, within the timeout.
     */
    private static Map<String, TopicDescription> describe(Admin admin, List<TopicSpec<?, ?>> specs)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
        while (true) {
            try {
                return admin.describeTopics(specs.stream().map(TopicSpec::name).toList()).allTopicNames()
                        .get(TIMEOUT_S, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }
}
