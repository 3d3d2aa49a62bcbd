package com.zeues.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A simulated worker's tablet doing realistic cycles on spools from the shared {@link Plant}: for ARM, SOLD and
 * repair, TOMAR → (PAUSAR → TOMAR)* → COMPLETAR (now and then CANCELAR), the resumes by any worker with the role;
 * for metrología one instant inspection (mostly approved). A share of cycles carries a deliberate conflict: two
 * workers racing TOMAR for the free spool (one must win, the other get 409 naming the winner), or an intruder
 * taking or pausing the held spool (409 SPOOL_OCCUPIED / 403 NO_AUTORIZADO). Every answer is checked against the
 * {@link ContractModel}; a wrong one is counted and the spool leaves the pool (its state is no longer known).
 */
final class Tablet implements LoadClient {

    /** Shared counters of a run. */
    static final class Counters {
        final AtomicLong requests = new AtomicLong();
        final AtomicLong conflicts = new AtomicLong();
        final AtomicLong cycles = new AtomicLong();
    }

    /** Acts as the spool's current occupant (decided by a race at run time). */
    private static final int OCCUPANT = -1;

    /** One planned step; {@code rivalId > 0} makes it a race of two TOMARs. */
    private record Action(String kind, String op, int workerId, String resultado, int rivalId, boolean intruder) {
    }

    private final Plant plant;
    private final Crew crew;
    private final ContractModel model;
    private final HttpSender http;
    private final ErrorTally errors;
    private final Counters counters;
    private final Random random;
    private final double conflictShare;

    private ExpectedSpool spool;
    private List<Action> plan;
    private int next;

    Tablet(Plant plant, Crew crew, HttpSender http, ErrorTally errors, Counters counters, long seed,
           double conflictShare) {
        this.plant = plant;
        this.crew = crew;
        this.model = new ContractModel(crew);
        this.http = http;
        this.errors = errors;
        this.counters = counters;
        this.random = new Random(seed);
        this.conflictShare = conflictShare;
    }

    @Override
    public CompletableFuture<Outcome> step() {
        if (plan == null && !startCycle()) {
            return CompletableFuture.completedFuture(Outcome.STARVED);
        }
        Action a = plan.get(next++);
        return a.rivalId() > 0 ? race(a) : single(a);
    }

    private boolean startCycle() {
        spool = plant.take();
        if (spool == null) {
            return false;
        }
        plan = plan(spool.nextOperation());
        next = 0;
        counters.cycles.incrementAndGet();
        return true;
    }

    private List<Action> plan(String op) {
        List<Action> p = new ArrayList<>();
        if ("METROLOGIA".equals(op)) {
            String resultado = random.nextInt(4) == 0 ? "RECHAZADO" : "APROBADO";
            p.add(new Action("METROLOGIA", op, crew.pick(op, random, 0).id(), resultado, 0, false));
            return p;
        }
        int first = crew.pick(op, random, 0).id();
        boolean conflict = random.nextDouble() < conflictShare;
        boolean race = conflict && random.nextBoolean();
        p.add(new Action("TOMAR", op, first, null, race ? crew.pick(op, random, first).id() : 0, false));
        if (conflict && !race) {
            if (random.nextBoolean()) {
                p.add(new Action("TOMAR", op, crew.pick(op, random, first).id(), null, 0, true));
            } else {
                int intruder = crew.allowedFor(op).size() > 1 ? crew.pick(op, random, first).id() : first;
                p.add(new Action("PAUSAR", op, intruder == first ? 0 : intruder, null, 0, true));
            }
        }
        int pauses = random.nextInt(10) < 5 ? 0 : random.nextInt(10) < 6 ? 1 : 2;
        for (int i = 0; i < pauses; i++) {
            p.add(new Action("PAUSAR", op, OCCUPANT, null, 0, false));
            p.add(new Action("TOMAR", op, crew.pick(op, random, 0).id(), null, 0, false));
        }
        p.add(new Action(random.nextInt(10) == 0 ? "CANCELAR" : "COMPLETAR", op, OCCUPANT, null, 0, false));
        // an intruding PAUSAR needs a worker other than the occupant; with a one-worker crew it is dropped
        p.removeIf(a -> a.intruder() && a.workerId() == 0);
        return p;
    }

    private CompletableFuture<Outcome> single(Action a) {
        int worker = a.workerId() == OCCUPANT ? spool.occupantId : a.workerId();
        BenchRequest r = new BenchRequest(a.kind(), a.op(), spool.tag, worker, a.resultado());
        ContractModel.Prediction p = model.predict(spool, r);
        counters.requests.incrementAndGet();
        if (a.intruder()) {
            counters.conflicts.incrementAndGet();
        }
        return http.post(r.path(), r.body()).handle((reply, error) -> {
            if (error != null) {
                fail(r + ": " + error);
                return Outcome.at(System.nanoTime());
            }
            String wrong = VerdictChecker.check(p.expected(), reply.status(), reply.body());
            if (wrong != null) {
                fail(r + ": " + wrong);
            } else {
                if (p.after() != null) {
                    spool = p.after();
                }
                advance();
            }
            return Outcome.at(reply.arrivedNanos());
        });
    }

    private CompletableFuture<Outcome> race(Action a) {
        BenchRequest ra = new BenchRequest("TOMAR", a.op(), spool.tag, a.workerId(), null);
        BenchRequest rb = new BenchRequest("TOMAR", a.op(), spool.tag, a.rivalId(), null);
        // both predicted on the free spool: each may win
        ContractModel.Prediction pa = model.predict(spool, ra);
        ContractModel.Prediction pb = model.predict(spool, rb);
        counters.requests.addAndGet(2);
        counters.conflicts.incrementAndGet();
        String tag = spool.tag;
        CompletableFuture<HttpSender.Reply> fa = http.post(ra.path(), ra.body());
        CompletableFuture<HttpSender.Reply> fb = http.post(rb.path(), rb.body());
        // what the loser must get depends on who won: predicted on the winner's state
        VerdictChecker.Expected loserIfA = model.predict(pa.after(), rb).expected();
        VerdictChecker.Expected loserIfB = model.predict(pb.after(), ra).expected();
        return fa.thenCombine(fb, (x, y) -> {
            String wrong = VerdictChecker.checkRace(pa.expected(), loserIfA, x.status(), x.body(),
                    pb.expected(), loserIfB, y.status(), y.body());
            if (wrong != null) {
                fail("race on " + tag + ": " + wrong);
            } else {
                spool = x.status() == 200 ? pa.after() : pb.after();
                advance();
            }
            return Outcome.at(x.arrivedNanos(), y.arrivedNanos());
        }).exceptionally(e -> {
            fail("race on " + tag + ": " + e);
            return Outcome.at(System.nanoTime());
        });
    }

    private void advance() {
        if (next >= plan.size()) {
            plant.giveBack(spool);
            plan = null;
            spool = null;
        }
    }

    private void fail(String what) {
        errors.record(what);
        plant.discard();
        plan = null;
        spool = null;
    }
}
