package com.zeues.local.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.zeues.local.PieceByPieceStack;
import com.zeues.local.PieceByPieceStack.ServiceInstance;
import com.zeues.local.e2e.Http;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 7: a second occupation-service instance is added while commands flow, takes part of the partitions and
 * serves commands of its own, and is then stopped while commands still flow to the first one. Throughout: no 500, no
 * wrong verdict, every 503/504 resolved by a retry with its key; afterwards every acknowledged command is in
 * {@code zeues.spool-events} exactly once, a retry with the same key gets the first verdict, status and history of
 * every spool agree with the topic, and a spool held by the other instance was answered through it.
 */
class InstancesIT {

    static final int OPS_PER_SECOND = 40;
    static final List<String> FIRST = FaultsIT.READY_FOR_ARM.subList(0, 20);
    static final List<String> SECOND = FaultsIT.READY_FOR_ARM.subList(20, 40);

    Path dir;
    PieceByPieceStack stack;
    ServiceInstance two;
    final List<OperationLoad> loads = new ArrayList<>();

    @Test
    void addingAndStoppingAnInstanceUnderLoadLosesNothingAcknowledged() throws Exception {
        long t0 = System.nanoTime();
        dir = Files.createTempDirectory("zeues-instances");
        stack = PieceByPieceStack.start(dir.resolve("data"));
        say("stack operational in %d ms (logs in %s)", ms(t0), stack.logDir());
        Http one = new Http(stack.serviceUrl());
        OperationLoad loadOne = start(stack.serviceUrl(), FIRST, "one");
        Thread.sleep(5_000);

        // scale out under load
        long added = System.nanoTime();
        two = stack.addService("occupation-service-2", 1);
        two.awaitOperational(Duration.ofSeconds(180));
        Http api2 = new Http(two.url());
        say("second instance operational %d ms after its start; first instance: %s", ms(added), loadOne.outcomes());
        List<Integer> heldByTwo = awaitSplit(one, api2, Duration.ofSeconds(60));
        OperationLoad loadTwo = start(two.url(), SECOND, "two");
        Thread.sleep(10_000);
        List<String> unresolvedTwo = loadTwo.stop(Duration.ofSeconds(30));
        say("both instances under load: second held %s; outcomes one %s, two %s", heldByTwo, loadOne.outcomes(),
                loadTwo.outcomes());
        assertThat(loadTwo.acks()).as("the second instance acknowledged commands").isNotEmpty();

        // every spool answers the same on both instances, so half of them through the other one
        for (String tag : FaultsIT.READY_FOR_ARM.subList(0, 40)) {
            Http.Response viaOne = one.get("/api/occupation/status/" + tag);
            Http.Response viaTwo = api2.get("/api/occupation/status/" + tag);
            assertThat(viaOne.status()).as(tag + ": " + viaOne.body()).isEqualTo(200);
            assertThat(viaTwo.status()).as(tag + ": " + viaTwo.body()).isEqualTo(200);
            assertThat(viaTwo.body().get("tag_spool")).isEqualTo(viaOne.body().get("tag_spool"));
        }

        // scale in under load
        long stopped = System.nanoTime();
        two.close();
        two = null;
        awaitHeldByOne(one, Duration.ofSeconds(60));
        say("second instance stopped; the first holds every partition %d ms later", ms(stopped));
        Thread.sleep(5_000);
        List<String> unresolvedOne = loadOne.stop(Duration.ofSeconds(30));
        say("outcomes one %s (%s), two %s (%s)", loadOne.outcomes(), loadOne.okLatencies(), loadTwo.outcomes(),
                loadTwo.okLatencies());

        for (OperationLoad load : List.of(loadOne, loadTwo)) {
            assertThat(load.anomalies()).as("wrong verdicts, 500s or hangs").isEmpty();
            assertThat(load.outcomes().keySet()).as("answers: 200, 503 or 504, never a 500")
                    .allMatch(k -> k.equals("200") || k.equals("503") || k.equals("504"));
        }
        assertThat(unresolvedOne).as("commands left without a verdict").isEmpty();
        assertThat(unresolvedTwo).as("commands left without a verdict").isEmpty();
        assertThat(loadOne.acks().stream().filter(a -> a.nanos() > stopped))
                .as("acknowledged after the second instance left").isNotEmpty();

        AcknowledgedChangesAudit audit = new AcknowledgedChangesAudit(stack.bootstrapServers(), stack.serviceUrl());
        audit.verify(FIRST, loadOne.acks(), Set.of(), Duration.ofSeconds(60));
        audit.verify(SECOND, loadTwo.acks(), Set.of(), Duration.ofSeconds(60));
        audit.verifyRetries(FIRST, loadOne.acks().stream().filter(a -> a.nanos() > added).toList());
        audit.verifyRetries(SECOND, loadTwo.acks());
        say("audit passed; test %d ms", ms(t0));
    }

    private OperationLoad start(String url, List<String> spools, String name) {
        OperationLoad load = OperationLoad.start(url, spools, OPS_PER_SECOND, "instances-" + name);
        loads.add(load);
        return load;
    }

    /** Waits until each instance holds some partitions and together all; returns the second's. */
    private static List<Integer> awaitSplit(Http one, Http two, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String seen = "";
        while (System.nanoTime() < deadline) {
            List<Integer> a = held(one);
            List<Integer> b = held(two);
            seen = a + " / " + b;
            if (!a.isEmpty() && !b.isEmpty() && a.size() + b.size() == 6) {
                return b;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the partitions were not shared within " + timeout.toSeconds() + " s: " + seen);
    }

    private static void awaitHeldByOne(Http one, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Integer> seen = List.of();
        while (System.nanoTime() < deadline) {
            seen = held(one);
            if (seen.size() == 6) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the first instance did not take every partition back: " + seen);
    }

    private static List<Integer> held(Http api) {
        Http.Response h = api.get("/api/health");
        List<Integer> out = new ArrayList<>();
        JsonNode held = h.body() == null ? null : h.body().path("details").path("partitions_held");
        if (held != null) {
            held.forEach(n -> out.add(n.asInt()));
        }
        return out;
    }

    @AfterEach
    void stop() throws Exception {
        for (OperationLoad load : loads) {
            load.close();
        }
        if (two != null) {
            two.close();
        }
        if (stack != null) {
            stack.close();
        }
        Path streams = dir == null ? null : dir.resolve("data");
        for (String bulk : List.of("kafka/data", "streams", "occupation-service-2/streams")) {
            Path p = streams == null ? null : streams.resolve(bulk);
            if (p != null && Files.isDirectory(p)) {
                try (Stream<Path> files = Files.walk(p)) {
                    files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }
    }

    static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    static void say(String format, Object... args) {
        System.out.printf("[InstancesIT] " + format + "%n", args);
    }
}
