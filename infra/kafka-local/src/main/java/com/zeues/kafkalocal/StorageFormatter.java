package com.zeues.kafkalocal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import kafka.tools.StorageTool;

/**
 * Formats the broker's storage the first time and leaves it alone afterwards: {@code kafka-storage format
 * --ignore-formatted} with the data directory's fixed cluster id. The quorum is static ({@code
 * controller.quorum.voters} in the config), so neither {@code --standalone} nor {@code --initial-controllers}.
 */
public final class StorageFormatter {

    private StorageFormatter() {
    }

    /** Returns what the storage tool printed; throws when it failed. */
    public static String format(Path serverProperties, String clusterId) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int code;
        try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            // execute, not main: main ends the JVM through Exit.exit
            code = StorageTool.execute(new String[] {
                "format", "--config", serverProperties.toString(), "--cluster-id", clusterId, "--ignore-formatted"
            }, out);
        } catch (RuntimeException e) {
            throw new IllegalStateException("formatting the Kafka storage failed: " + e.getMessage()
                    + System.lineSeparator() + buffer.toString(StandardCharsets.UTF_8), e);
        }
        String printed = buffer.toString(StandardCharsets.UTF_8).trim();
        if (code != 0) {
            throw new IllegalStateException("formatting the Kafka storage failed (exit code " + code + "): " + printed);
        }
        return printed;
    }
}
