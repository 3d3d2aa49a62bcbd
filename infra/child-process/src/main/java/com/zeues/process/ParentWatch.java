package com.zeues.process;

import java.util.Optional;

/**
 * Makes a child JVM of the local launcher exit when its parent process dies, so that a killed launcher
 * never leaves a broker or a service holding ports and data directories.
 *
 * <p>Active only when the launcher sets {@code ZEUES_WATCH_PARENT=true}, so a service started on its own
 * (or in a container, where the parent is an init process) is never affected.
 */
public final class ParentWatch {

    static final String ENV = "ZEUES_WATCH_PARENT";
    private static final long POLL_MS = 200;

    private ParentWatch() {
    }

    /** Starts the watch when the launcher asked for it; returns whether it did. */
    public static boolean startIfRequested() {
        if (!"true".equalsIgnoreCase(System.getenv(ENV))) {
            return false;
        }
        Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        if (parent.isEmpty()) {
            return false;
        }
        watch(parent.get());
        return true;
    }

    /** Halts this JVM within about 0.2 s of {@code parent} ending. */
    public static void watch(ProcessHandle parent) {
        Thread watcher = new Thread(() -> {
            while (parent.isAlive()) {
                try {
                    Thread.sleep(POLL_MS);
                } catch (InterruptedException e) {
                    return;
                }
            }
            System.err.println("zeues: parent process " + parent.pid() + " ended, exiting");
            // exit (not halt) so shutdown hooks close the broker / Streams cleanly; halt if they hang
            Thread halter = new Thread(() -> {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ignored) {
                    // fall through to halt
                }
                Runtime.getRuntime().halt(1);
            }, "zeues-parent-watch-halt");
            halter.setDaemon(true);
            halter.start();
            System.exit(1);
        }, "zeues-parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }
}
