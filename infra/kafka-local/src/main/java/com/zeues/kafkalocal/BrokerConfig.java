package com.zeues.kafkalocal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code server.properties} of a KRaft node on 127.0.0.1 (broker and controller in one JVM): the single broker of
 * the local default, or one node of a local cluster where every node is a voter.
 */
public final class BrokerConfig {

    private BrokerConfig() {
    }

    /** The broker's settings, in the order they are written. */
    public static Map<String, String> properties(BrokerSettings settings) {
        Map<String, String> p = new LinkedHashMap<>();
        // KRaft, combined mode, the voters given statically (not a dynamic quorum formatted with
        // --initial-controllers): the file is rewritten at every start, so ports that change between starts are fine
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(settings.nodeId()));
        p.put("controller.quorum.voters", settings.quorumVoters());
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + settings.port() + ",CONTROLLER://127.0.0.1:" + settings.controllerPort());
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + settings.port());
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", settings.logDirs().toString());
        p.put("metadata.log.dir", settings.logDirs().toString());

        // One node: what it needs for transactions and exactly-once (the defaults expect three brokers). Three
        // nodes: every record on all three; acks=all refused while fewer than two are in sync, so an acknowledged
        // record is on two nodes at least and losing any one loses nothing acknowledged and stops no write. The
        // internal topics (offsets, transactions, share state) alike.
        String replication = String.valueOf(settings.replicationFactor());
        String minIsr = String.valueOf(settings.minInsyncReplicas());
        p.put("offsets.topic.replication.factor", replication);
        p.put("transaction.state.log.replication.factor", replication);
        p.put("transaction.state.log.min.isr", minIsr);
        p.put("share.coordinator.state.topic.replication.factor", replication);
        p.put("share.coordinator.state.topic.min.isr", minIsr);
        p.put("default.replication.factor", replication);
        p.put("min.insync.replicas", minIsr);
        // internal topics sized for one machine (defaults: 50 partitions each)
        p.put("offsets.topic.num.partitions", "10");
        p.put("transaction.state.log.num.partitions", "10");
        p.put("share.coordinator.state.topic.num.partitions", "10");

        p.put("group.initial.rebalance.delay.ms", "0");
        // topics come from the TopicRegistry only
        p.put("auto.create.topics.enable", "false");
        p.put("num.partitions", "1");

        // After a crash (kill -9, or a halt by ParentWatch) the restarted controller refuses the broker's new
        // registration until the old one's session has expired: 9 s by default, 4 s here. In a cluster it is also
        // how long the partitions a killed node led stay without a leader (then the controller fences it).
        p.put("broker.session.timeout.ms", "4000");
        p.put("broker.heartbeat.interval.ms", "1000");

        // a small footprint on a 2-core machine
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        p.put("background.threads", "4");
        p.put("num.recovery.threads.per.data.dir", "2");
        return p;
    }

    /** Writes {@code server.properties} into the broker's directory (replacing the previous one) and returns its path. */
    public static Path write(BrokerSettings settings) throws IOException {
        Path file = settings.serverProperties();
        Files.createDirectories(file.getParent());
        StringBuilder text = new StringBuilder("# written by kafka-local at every start; edits are overwritten\n");
        properties(settings).forEach((k, v) -> text.append(k).append('=').append(escape(v)).append('\n'));
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\");
    }
}
