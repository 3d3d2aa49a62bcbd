package com.zeues.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirLockTest {

    @TempDir
    Path dir;

    @Test
    void oneHolderAtATimeInThisJvm() throws Exception {
        Path file = dir.resolve("data/launcher.lock");
        try (DataDirLock first = DataDirLock.acquire(file)) {
            assertThatThrownBy(() -> DataDirLock.acquire(file))
                    .isInstanceOf(DataDirLock.HeldElsewhere.class)
                    .hasMessageContaining("already running")
                    .hasMessageContaining(dir.resolve("data").toString())
                    .hasMessageContaining("pid " + ProcessHandle.current().pid());
        }
        try (DataDirLock again = DataDirLock.acquire(file)) {
            assertThat(file).exists();
        }
    }

    @Test
    void anotherProcessHoldingItIsRefusedUntilItEnds() throws Exception {
        Path file = dir.resolve("launcher.lock");
        Process holder = new ProcessBuilder(JavaCommand.java(), "-cp", System.getProperty("java.class.path"),
                LockHolder.class.getName(), file.toString()).redirectErrorStream(true).start();
        try {
            String line = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            assertThat(line).isEqualTo("locked");
            assertThatThrownBy(() -> DataDirLock.acquire(file))
                    .isInstanceOf(DataDirLock.HeldElsewhere.class)
                    .hasMessageContaining("launcher pid " + holder.pid());
        } finally {
            holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        // killed, not closed: the operating system released the lock
        try (DataDirLock mine = DataDirLock.acquire(file)) {
            assertThat(file).exists();
        }
    }

    /** Holds the lock until killed. */
    public static final class LockHolder {
        public static void main(String[] args) throws Exception {
            DataDirLock lock = DataDirLock.acquire(Path.of(args[0]));
            System.out.println("locked");
            System.out.flush();
            Thread.sleep(60_000);
            lock.close();
        }
    }
}
