package com.zeues.topology;

import com.zeues.domain.model.ErrorCode;
import com.zeues.domain.model.SpoolCommand;
import com.zeues.domain.model.SpoolState;
import com.zeues.domain.model.Verdict;
import com.zeues.domain.model.Worker;
import com.zeues.domain.rules.ChangeApplier;
import com.zeues.domain.rules.ChangeApplier.Applied;
import com.zeues.domain.rules.CommandDecider;
import com.zeues.domain.rules.Decision;
import com.zeues.domain.rules.LeaseRule;
import com.zeues.domain.rules.Transition;
import com.zeues.domain.verdict.VerdictBodies;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides every command of its partition against the spool's state and answers the waiting caller: the
 * verdict, the new state and the event leave in one transaction. Per-spool ordering on the partition is
 * what makes two concurrent TOMARs impossible to both win.
 *
 * <p>It never dies: an exception while deciding one command becomes a 500 verdict with nothing applied.
 */
public final class SpoolCommandProcessor implements Processor<String, SpoolCommand, String, Object> {

    private static final Logger log = LoggerFactory.getLogger(SpoolCommandProcessor.class);

    private final TopologySettings settings;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, SpoolState> spools;
    private KeyValueStore<String, Long> occupied;
    private KeyValueStore<String, Worker> workers;
    private WindowStore<String, Verdict> verdicts;
    private SpoolChangeWriter writer;

    public SpoolCommandProcessor(TopologySettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.spools = context.getStateStore(StoreNames.SPOOLS);
        this.occupied = context.getStateStore(StoreNames.OCCUPIED);
        this.workers = context.getStateStore(StoreNames.WORKERS);
        this.verdicts = context.getStateStore(StoreNames.VERDICTS);
        this.writer = new SpoolChangeWriter(context);
        if (!settings.lease().isZero()) {
            context.schedule(settings.sweepInterval(), PunctuationType.WALL_CLOCK_TIME, this::sweepLeases);
        }
    }

    @Override
    public void process(Record<String, SpoolCommand> record) {
        SpoolCommand cmd = record.value();
        if (cmd == null || record.key() == null) {
            return;
        }
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        Outcome outcome;
        List<Applied> changes = new ArrayList<>(2);
        try {
            outcome = decide(record.key(), cmd, now, changes);
        } catch (RuntimeException e) {
            log.error("deciding {} {} for spool {} (request {}) failed; nothing applied", cmd.type(),
                    cmd.operacion(), record.key(), cmd.requestId(), e);
            changes.clear();
            outcome = Outcome.transientVerdict(verdict(cmd, ErrorCode.ERROR_INTERNO.status(), VerdictBodies.error(ErrorCode.ERROR_INTERNO,
                    "Error interno al procesar " + cmd.type() + " " + cmd.operacion() + " en " + record.key()
                            + " (trabajador " + cmd.workerId() + "); no se aplicó ningún cambio", null)));
        }
        changes.forEach(writer::write);
        if (cmd.idempotent() && outcome.keep()) {
            verdicts.put(scope(cmd), outcome.verdict(), now.toEpochMilli());
        }
        context.forward(new Record<String, Object>(cmd.correlationId(), outcome.verdict(), now.toEpochMilli(),
                CloudEventHeaders.none()), ZeuesTopology.REPLIES_SINK);
    }

    /** A verdict, and whether an Idempotency-Key replay should get it again. */
    private record Outcome(Verdict verdict, boolean keep) {
        static Outcome decided(Verdict v) {
            return new Outcome(v, true);
        }

        /** Replays, reused keys and internal errors: never stored, a retry is decided again. */
        static Outcome transientVerdict(Verdict v) {
            return new Outcome(v, false);
        }
    }

    /** Decides without writing anything; the changes to write are added to {@code changes}. */
    private Outcome decide(String tag, SpoolCommand cmd, Instant now, List<Applied> changes) {
        if (cmd.idempotent()) {
            Optional<Verdict> prior = priorVerdict(cmd, now);
            if (prior.isPresent()) {
                Verdict first = prior.get();
                if (first.canonical().equals(cmd.canonical())) {
                    return Outcome.transientVerdict(first.forCorrelation(cmd.correlationId(), cmd.replyPartition()));
                }
                return Outcome.transientVerdict(verdict(cmd, ErrorCode.IDEMPOTENCY_KEY_REUSED.status(),
                        VerdictBodies.error(ErrorCode.IDEMPOTENCY_KEY_REUSED, "La clave de idempotencia "
                                + cmd.requestId() + " ya se usó para otra solicitud sobre " + tag, null)));
            }
        }
        LocalDate today = settings.businessTime().today(now);
        SpoolState state = spools.get(tag);
        if (state != null) {
            Optional<Transition> release = LeaseRule.expire(state, now, today, settings.lease());
            if (release.isPresent()) {
                Applied applied = ChangeApplier.apply(state, release.get(), now);
                changes.add(applied);
                state = applied.state();
            }
        }
        Worker worker = cmd.workerId() > 0 ? workers.get(Integer.toString(cmd.workerId())) : null;
        Decision decision = CommandDecider.decide(state, worker, cmd, now, today);
        if (decision instanceof Decision.Accepted accepted) {
            Applied applied = ChangeApplier.apply(state, accepted.transition(), now);
            changes.add(applied);
            return Outcome.decided(verdict(cmd, 200, VerdictBodies.success(applied.event(),
                    accepted.transition().message(), cmd.requestId())));
        }
        Decision.Rejected r = (Decision.Rejected) decision;
        return Outcome.decided(verdict(cmd, r.code().status(), VerdictBodies.error(r.code(), r.message(), r.data())));
    }

    private Optional<Verdict> priorVerdict(SpoolCommand cmd, Instant now) {
        long from = now.minus(settings.verdictRetention()).toEpochMilli();
        Verdict found = null;
        try (WindowStoreIterator<Verdict> it = verdicts.fetch(scope(cmd), from, now.toEpochMilli())) {
            if (it.hasNext()) {
                found = it.next().value; // the first verdict for the key wins
            }
        }
        return Optional.ofNullable(found);
    }

    private void sweepLeases(long wallClockMs) {
        Instant now = Instant.ofEpochMilli(wallClockMs);
        long cutoff = now.minus(settings.lease()).toEpochMilli();
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, Long> it = occupied.all()) {
            while (it.hasNext()) {
                KeyValue<String, Long> e = it.next();
                if (e.value != null && e.value <= cutoff) {
                    expired.add(e.key);
                }
            }
        }
        LocalDate today = settings.businessTime().today(now);
        for (String tag : expired) {
            try {
                SpoolState state = spools.get(tag);
                if (state == null) {
                    occupied.delete(tag);
                    continue;
                }
                LeaseRule.expire(state, now, today, settings.lease())
                        .ifPresent(t -> writer.write(ChangeApplier.apply(state, t, now)));
            } catch (RuntimeException e) {
                log.error("lease release of spool {} failed; will retry on the next sweep", tag, e);
            }
        }
    }

    private static String scope(SpoolCommand cmd) {
        return cmd.type() + "|" + cmd.tagSpool() + "|" + cmd.requestId();
    }

    private static Verdict verdict(SpoolCommand cmd, int status, java.util.Map<String, Object> body) {
        return new Verdict(cmd.requestId(), cmd.correlationId(), cmd.replyPartition(), cmd.tagSpool(),
                cmd.canonical(), status, body);
    }
}
