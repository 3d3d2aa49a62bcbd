package com.zeues.kafkalocal;

import com.zeues.process.ParentWatch;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import kafka.Kafka;
import org.apache.kafka.common.utils.AppInfoParser;

/**
 * Runs one Kafka broker (KRaft, broker and controller in this JVM) on 127.0.0.1 with its data under
 * {@code $ZEUES_DATA_DIR/kafka}: writes {@code server.properties}, formats the storage on first start, then hands over
 * to {@code kafka.Kafka.main}. Exit code 2 means it could not start here (port or data in use, bad settings).
 */
public final class KafkaLocalMain {

    static final int EXIT_CANNOT_START = 2;

    private KafkaLocalMain() {
    }

    public static void main(String[] args) {
        ParentWatch.startIfRequested();
        BrokerSettings settings;
        Path config;
        try {
            settings = BrokerSettings.from(args, System.getenv());
            BrokerLogging.configure(settings.logDir(), settings.logLevel());
            checkPortFree(settings.port(), "Kafka", "ZEUES_KAFKA_PORT");
            checkPortFree(settings.controllerPort(), "KRaft controller", "ZEUES_KAFKA_CONTROLLER_PORT");
            checkDataNotInUse(settings.logDirs());
            String clusterId = ClusterId.readOrCreate(settings);
            config = BrokerConfig.write(settings);
            String formatted = StorageFormatter.format(config, clusterId);
            say(formatted.isEmpty() ? "storage ready" : formatted.replace(System.lineSeparator(), " "));
        } catch (CannotStart | IllegalArgumentException | IllegalStateException | IOException e) {
            System.err.println("kafka-local: " + e.getMessage());
            System.exit(EXIT_CANNOT_START);
            return;
        }
        say("starting Kafka " + AppInfoParser.getVersion() + " (KRaft, broker+controller) on "
                + settings.bootstrapServers() + ", controller port " + settings.controllerPort()
                + ", data " + settings.kafkaDir() + ", log " + settings.brokerLog() + " (" + settings.logLevel() + ")");
        Kafka.main(new String[] {config.toString()});
    }

    private static void checkPortFree(int port, String what, String variable) throws CannotStart {
        if (!FreePorts.isFree(port)) {
            throw new CannotStart("cannot listen on 127.0.0.1:" + port + " for the " + what + " listener: the port is"
                    + " already in use by another process. Stop that process, or choose a free port with " + variable + ".");
        }
    }

    /** Kafka holds an exclusive lock on {@code .lock} in its log directory while it runs. */
    private static void checkDataNotInUse(Path logDirs) throws IOException, CannotStart {
        Path lockFile = logDirs.resolve(".lock");
        if (!Files.exists(lockFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new CannotStart("the broker data in " + logDirs + " is in use by another running broker "
                        + "(it holds " + lockFile + "). Stop that broker first, or use another ZEUES_DATA_DIR.");
            }
            lock.release();
        } catch (OverlappingFileLockException e) {
            throw new CannotStart("the broker data in " + logDirs + " is in use by this JVM");
        }
    }

    private static void say(String message) {
        System.out.println("kafka-local: " + message);
    }

    private static final class CannotStart extends Exception {
        CannotStart(String message) {
            super(message);
        }
    }
}
