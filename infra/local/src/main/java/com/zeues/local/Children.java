package com.zeues.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * The children the launcher runs, the broker first; stops them in reverse (service, connector, emulator, broker) and
 * tells when one ends on its own.
 */
public final class Children {

    private final List<ChildProcess> started = new CopyOnWriteArrayList<>();
    private volatile boolean stopping;

    public void add(ChildProcess child) {
        started.add(child);
    }

    /** Adds the broker: it starts beside the others but everything depends on it, so it stops last. */
    public void addFoundation(ChildProcess child) {
        started.add(0, child);
    }

    public List<ChildProcess> all() {
        return List.copyOf(started);
    }

    /** Whether {@link #stopAll} has begun: children ending now are expected to. */
    public boolean stopping() {
        return stopping;
    }

    /** From now on, children ending are expected to. */
    public void beginStopping() {
        stopping = true;
    }

    /** Blocks until one child ends, and returns it. */
    public ChildProcess awaitFirstExit() throws InterruptedException {
        CompletableFuture<?>[] exits = started.stream().map(ChildProcess::onExit).toArray(CompletableFuture[]::new);
        try {
            return (ChildProcess) CompletableFuture.anyOf(exits).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops every child still running, last started first, each with SIGTERM and then SIGKILL after {@code grace}. */
    public synchronized void stopAll(Duration grace, Consumer<String> say) {
        stopping = true;
        List<ChildProcess> reversed = new ArrayList<>(started);
        java.util.Collections.reverse(reversed);
        for (ChildProcess child : reversed) {
            if (child.isAlive()) {
                say.accept("stopping " + child);
                if (!child.stop(grace)) {
                    say.accept(child.name() + " did not stop within " + grace.toSeconds() + " s and was killed");
                }
            }
        }
    }
}
