package com.zeues.kafkalocal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A broker started with ZEUES_WATCH_PARENT=true ends itself when its parent dies, even by SIGKILL. */
class ParentWatchTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void brokerExitsWhenItsParentIsKilled() throws Exception {
        int[] ports = FreePorts.find(2);
        List<String> cmd = new ArrayList<>(List.of("bash", "-c", "\"$@\" >\"$CONSOLE_LOG\" 2>&1 & echo $!; wait", "bash"));
        cmd.addAll(KafkaLocalBroker.classpathCommand());
        cmd.addAll(List.of("--data-dir", dir.toString(), "--port", String.valueOf(ports[0]),
                "--controller-port", String.valueOf(ports[1])));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("ZEUES_WATCH_PARENT", "true");
        pb.environment().put("CONSOLE_LOG", dir.resolve("console.log").toString());
        pb.redirectErrorStream(true);
        Process parent = pb.start();
        ProcessHandle broker = null;
        try {
            String pidLine = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            broker = ProcessHandle.of(Long.parseLong(pidLine.trim())).orElseThrow();
            assertThat(broker.parent().map(ProcessHandle::pid)).contains(parent.pid());
            ProcessHandle watched = broker;
            BrokerReadiness.await("127.0.0.1:" + ports[0], Duration.ofSeconds(90), watched::isAlive);

            long t0 = System.nanoTime();
            parent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            broker.onExit().get(15, TimeUnit.SECONDS);
            long millis = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("kafka-local test: broker exited %d ms after its parent was killed%n", millis);
            // ParentWatch polls every 0.5 s and halts 1.5 s after asking to exit: well under 5 s even on a busy CI
            assertThat(millis).isLessThan(5_000);
        } finally {
            parent.destroyForcibly();
            if (broker != null && broker.isAlive()) {
                broker.destroyForcibly();
            }
        }
    }
}
