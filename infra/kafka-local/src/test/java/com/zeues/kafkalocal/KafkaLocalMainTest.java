package com.zeues.kafkalocal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The broker's main refuses a port that is taken, before Kafka starts, with exit code 2 and a clear message. */
class KafkaLocalMainTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void exitsWithCode2WhenThePortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();
            List<String> cmd = new ArrayList<>(KafkaLocalBroker.classpathCommand());
            cmd.addAll(List.of("--port", String.valueOf(port), "--controller-port", String.valueOf(FreePorts.find())));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().put("ZEUES_DATA_DIR", dir.toString());
            Process process = pb.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

            assertThat(process.exitValue()).isEqualTo(2);
            assertThat(output).contains("cannot listen on 127.0.0.1:" + port).contains("already in use")
                    .contains("ZEUES_KAFKA_PORT");
        }
    }
}
