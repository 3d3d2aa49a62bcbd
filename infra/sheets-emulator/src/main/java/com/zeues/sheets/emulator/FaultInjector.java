package com.zeues.sheets.emulator;

import java.util.ArrayDeque;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.node.ObjectNode;

/**
 * The filter that makes the emulator misbehave as Google does: errors (429/5xx) for a fraction of requests or
 * the next N, added latency, a full outage, writes applied but never answered, and Google's write quota.
 * Only Sheets API requests are touched; the admin API always answers.
 */
public final class FaultInjector implements RequestFilter {

    private volatile FaultSettings settings = FaultSettings.NONE;
    private final AtomicInteger failNext = new AtomicInteger();
    private final AtomicInteger timeoutNext = new AtomicInteger();
    private final ArrayDeque<Long> recentWrites = new ArrayDeque<>();
    private Random random = new Random();

    /** The settings in force (with {@code failNext}/{@code timeoutAfterWriteNext} showing what is left). */
    public FaultSettings settings() {
        return settings.withFailNext(failNext.get(), settings.errorStatus())
                .withTimeoutAfterWrite(settings.timeoutAfterWriteRate(), timeoutNext.get(),
                        settings.timeoutAfterWriteMs());
    }

    /** Replaces the settings; {@link FaultSettings#NONE} turns every fault off. */
    public synchronized void set(FaultSettings s) {
        this.settings = s;
        failNext.set(s.failNext());
        timeoutNext.set(s.timeoutAfterWriteNext());
        random = s.seed() == null ? new Random() : new Random(s.seed());
        synchronized (recentWrites) {
            recentWrites.clear();
        }
    }

    public void clear() {
        set(FaultSettings.NONE);
    }

    @Override
    public EmulatorResponse filter(EmulatorRequest request, Chain chain) {
        ApiCall call = request.call();
        if (!call.isApi()) {
            return chain.proceed(request);
        }
        FaultSettings s = settings;
        long delay = s.latencyMs() + (s.latencyJitterMs() > 0 ? (long) (draw() * (s.latencyJitterMs() + 1)) : 0);
        if (delay > 0) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return error(503, call).asFault("outage").dropped(0, "shutdown");
            }
        }
        if (s.outage()) {
            EmulatorResponse r = error(503, call).asFault("outage");
            return s.outageMode().equals("DROP") ? r.dropped(0, "outage") : r;
        }
        boolean scoped = switch (s.errorScope()) {
            case "WRITES" -> call.isWrite();
            case "READS" -> !call.isWrite();
            default -> true;
        };
        if (scoped && (takeOne(failNext) || (s.errorRate() > 0 && draw() < s.errorRate()))) {
            return error(s.errorStatus(), call).asFault("error-" + s.errorStatus());
        }
        if (call.isWrite() && s.writeQuotaPerMinute() > 0 && !admitWrite(s.writeQuotaPerMinute())) {
            return error(429, call).asFault("quota");
        }
        EmulatorResponse response = chain.proceed(request);
        if (call.isWrite() && response.status() / 100 == 2
                && (takeOne(timeoutNext) || (s.timeoutAfterWriteRate() > 0 && draw() < s.timeoutAfterWriteRate()))) {
            return response.dropped(s.timeoutAfterWriteMs(), "timeout-after-write");
        }
        return response;
    }

    private synchronized double draw() {
        return random.nextDouble();
    }

    private static boolean takeOne(AtomicInteger counter) {
        while (true) {
            int n = counter.get();
            if (n <= 0) {
                return false;
            }
            if (counter.compareAndSet(n, n - 1)) {
                return true;
            }
        }
    }

    private boolean admitWrite(int quota) {
        long now = System.currentTimeMillis();
        synchronized (recentWrites) {
            while (!recentWrites.isEmpty() && recentWrites.peekFirst() <= now - 60_000) {
                recentWrites.pollFirst();
            }
            if (recentWrites.size() >= quota) {
                return false;
            }
            recentWrites.addLast(now);
            return true;
        }
    }

    /** Google's answer for each status, as the client parses it. */
    static EmulatorResponse error(int status, ApiCall call) {
        return switch (status) {
            case 429 -> EmulatorResponse.error(429, "RESOURCE_EXHAUSTED", "Quota exceeded for quota metric '"
                    + (call.isWrite() ? "Write" : "Read") + " requests' and limit '" + (call.isWrite() ? "Write" : "Read")
                    + " requests per minute per user' of service 'sheets.googleapis.com' for consumer "
                    + "'project_number:0'.");
            case 500 -> EmulatorResponse.error(500, "INTERNAL", "Internal error encountered.");
            case 502 -> EmulatorResponse.error(502, "UNAVAILABLE", "Bad Gateway");
            case 504 -> EmulatorResponse.error(504, "DEADLINE_EXCEEDED", "The service is currently unavailable.");
            default -> EmulatorResponse.error(503, "UNAVAILABLE", "The service is currently unavailable.");
        };
    }

    ObjectNode toJson() {
        return settings().toJson();
    }
}
