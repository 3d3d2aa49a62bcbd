package com.zeues.local.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a JVM of ours holds, seen from outside: its open file descriptors ({@code /proc/<pid>/fd}) and its heap in
 * use right after a full GC ({@code jcmd GC.run}, then {@code GC.heap_info}). Linux only.
 */
final class ServiceResources {

    /** One measurement. */
    record Sample(long fds, long heapUsedBytes) {
    }

    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private final long pid;
    private final String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();

    ServiceResources(long pid) {
        this.pid = pid;
    }

    Sample sample() throws IOException, InterruptedException {
        jcmd("GC.run");
        String heap = jcmd("GC.heap_info");
        Matcher m = USED.matcher(heap);
        if (!m.find()) {
            throw new IllegalStateException("no heap use in: " + heap);
        }
        try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
            return new Sample(fds.count(), Long.parseLong(m.group(1)) * 1024);
        }
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(jcmd, String.valueOf(pid), command)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + pid + " " + command + " failed: " + out);
        }
        return out;
    }
}
