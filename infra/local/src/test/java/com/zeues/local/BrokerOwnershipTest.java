package com.zeues.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerOwnershipTest {

    @TempDir
    Path dir;

    private Process sleeper;

    @AfterEach
    void killSleeper() {
        if (sleeper != null) {
            sleeper.destroyForcibly();
        }
    }

    private Path pidFile() {
        return dir.resolve("kafka/broker.pid");
    }

    @Test
    void noPidFileNoBroker() throws Exception {
        BrokerOwnership ownership = new BrokerOwnership(pidFile(), dir);
        assertThat(ownership.survivingBroker()).isEmpty();
        assertThat(ownership.recordedPid()).isEmpty();
    }

    @Test
    void recordsAndForgets() throws Exception {
        BrokerOwnership ownership = new BrokerOwnership(pidFile(), dir);
        ownership.record(4242);
        assertThat(ownership.recordedPid()).hasValue(4242);
        ownership.forget();
        assertThat(pidFile()).doesNotExist();
        Files.createDirectories(pidFile().getParent());
        Files.writeString(pidFile(), "not a pid");
        assertThat(ownership.recordedPid()).isEmpty();
    }

    @Test
    void aDeadPidIsForgotten() throws Exception {
        Process done = new ProcessBuilder("true").start();
        done.waitFor();
        BrokerOwnership ownership = new BrokerOwnership(pidFile(), h -> true, Duration.ofSeconds(5));
        ownership.record(done.pid());
        assertThat(ownership.survivingBroker()).isEmpty();
        assertThat(pidFile()).doesNotExist();
    }

    @Test
    void aLiveProcessThatIsNotOurBrokerIsForgottenAtOnce() throws Exception {
        sleeper = new ProcessBuilder("sleep", "30").start();
        BrokerOwnership ownership = new BrokerOwnership(pidFile(), h -> false, Duration.ofSeconds(30));
        ownership.record(sleeper.pid());
        long t0 = System.nanoTime();
        assertThat(ownership.survivingBroker()).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        assertThat(pidFile()).doesNotExist();
        assertThat(sleeper.isAlive()).isTrue();
    }

    @Test
    void ourBrokerThatEndsWithinTheWaitIsNotAdopted() throws Exception {
        sleeper = new ProcessBuilder("sleep", "1").start();
        BrokerOwnership ownership = new BrokerOwnership(pidFile(), h -> h.pid() == sleeper.pid(), Duration.ofSeconds(10));
        ownership.record(sleeper.pid());
        assertThat(ownership.survivingBroker()).isEmpty();
        assertThat(pidFile()).doesNotExist();
    }

    @Test
    void ourBrokerThatStaysIsAdopted() throws Exception {
        sleeper = new ProcessBuilder("sleep", "30").start();
        BrokerOwnership ownership = new BrokerOwnership(pidFile(), h -> h.pid() == sleeper.pid(), Duration.ofMillis(300));
        ownership.record(sleeper.pid());
        Optional<ProcessHandle> survivor = ownership.survivingBroker();
        assertThat(survivor.map(ProcessHandle::pid)).hasValue(sleeper.pid());
        assertThat(ownership.recordedPid()).hasValue(sleeper.pid());
    }

    @Test
    void recognisesKafkaLocalCommandLinesOnItsDataDir() {
        Path data = Path.of("/srv/zeues/data");
        assertThat(BrokerOwnership.isKafkaLocalCommand(List.of("-Xmx512m", "-jar",
                "/repo/infra/kafka-local/target/kafka-local.jar", "--data-dir", "/srv/zeues/data", "--port", "9092"), data))
                .isTrue();
        assertThat(BrokerOwnership.isKafkaLocalCommand(List.of("-cp", "a.jar:b.jar",
                "com.zeues.kafkalocal.KafkaLocalMain", "--data-dir", "/srv/zeues/./data"), data)).isTrue();
        assertThat(BrokerOwnership.isKafkaLocalCommand(List.of("-jar", "/x/kafka-local.jar", "--data-dir", "/other"),
                data)).isFalse();
        assertThat(BrokerOwnership.isKafkaLocalCommand(List.of("-jar", "/x/occupation-service.jar", "--data-dir",
                "/srv/zeues/data"), data)).isFalse();
        assertThat(BrokerOwnership.isKafkaLocalCommand(List.of("30"), data)).isFalse();
    }

    @Test
    void readsTheCommandLineOfARealProcess() throws Exception {
        // a JVM whose command line looks like the launcher's broker: java -jar <...>/kafka-local.jar --data-dir <dir>
        Path home = FakeHome.create(dir.resolve("home"), Optional.empty());
        Path jar = home.resolve("infra/kafka-local/target/kafka-local.jar");
        Files.delete(jar);
        Files.copy(home.resolve("infra/sheets-emulator/target/sheets-emulator.jar"), jar);
        sleeper = new ProcessBuilder(JavaCommand.java(), "-jar", jar.toString(), "--data-dir", dir.toString()).start();
        ProcessHandle handle = sleeper.toHandle();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!BrokerOwnership.isKafkaLocal(handle, dir) && System.nanoTime() < deadline) {
            Thread.sleep(50); // the exec may not have happened yet
        }
        assertThat(BrokerOwnership.isKafkaLocal(handle, dir)).isTrue();
        assertThat(BrokerOwnership.isKafkaLocal(handle, dir.resolve("other"))).isFalse();
        assertThat(BrokerOwnership.isKafkaLocal(ProcessHandle.current(), dir)).isFalse();
    }
}
