package com.zeues.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.zeues.domain.model.SpoolCommand;
import com.zeues.domain.model.SpoolEvent;
import com.zeues.domain.model.SpoolState;
import com.zeues.domain.model.Verdict;
import com.zeues.domain.model.Worker;
import com.zeues.domain.rules.ChangeApplier;
import com.zeues.domain.rules.CommandDecider;
import com.zeues.domain.rules.Decision;
import com.zeues.domain.rules.RulesRandomWalkTest;
import com.zeues.domain.verdict.VerdictBodies;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Random walks over two spools through the topology, compared step by step with the pure rules: the same
 * verdict, the same event, the same stored state; keyed replays answer the first verdict and change nothing.
 * Every event and view also passes the schema and header checks of {@link TopologyHarness}.
 */
class TopologyRandomWalkTest {

    private static JsonNode json(Object o) {
        var m = com.zeues.domain.json.DomainJson.mapper();
        return m.readTree(m.writeValueAsString(o)); // as on the wire: 1 and 1L are the same number
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {7, 1234})
    void theTopologyDecidesExactlyAsTheRules(long seed) {
        Random rnd = new Random(seed);
        try (TopologyHarness h = new TopologyHarness()) {
            for (Worker w : RulesRandomWalkTest.WORKERS) {
                h.worker(w);
            }
            List<String> tags = List.of("MK-1335-CW-25238-011", "TEST-02");
            Map<String, SpoolState> model = new HashMap<>();
            for (String tag : tags) {
                h.spool(tag, LocalDate.of(2026, 1, 20));
                model.put(tag, h.state(tag));
            }
            h.discardViews();
            List<SpoolCommand> keyed = new ArrayList<>();
            Map<String, Verdict> firstVerdicts = new HashMap<>();
            for (int i = 0; i < 100; i++) {
                h.advance(Duration.ofSeconds(1 + rnd.nextInt(120)));
                if (!keyed.isEmpty() && rnd.nextInt(10) == 0) {
                    SpoolCommand replay = TopologyHarness.Commands.resent(keyed.get(rnd.nextInt(keyed.size())), 1);
                    Verdict again = h.send(replay);
                    assertThat(again.body()).isEqualTo(firstVerdicts.get(replay.requestId()).body());
                    assertThat(h.noEvents()).isTrue();
                    continue;
                }
                String tag = tags.get(rnd.nextInt(tags.size()));
                SpoolState before = model.get(tag);
                SpoolCommand c = RulesRandomWalkTest.next(rnd, before);
                if (rnd.nextInt(4) == 0) {
                    c = TopologyHarness.Commands.withKey(c, "k-" + seed + "-" + i);
                }
                LocalDate today = h.settings.businessTime().today(h.now());
                Decision expected = CommandDecider.decide(before, RulesRandomWalkTest.worker(c.workerId()), c,
                        h.now(), today);
                Verdict v = h.send(c);
                if (c.idempotent()) {
                    keyed.add(c);
                    firstVerdicts.put(c.requestId(), v);
                }
                if (expected instanceof Decision.Accepted a) {
                    ChangeApplier.Applied applied = ChangeApplier.apply(before, a.transition(), h.now());
                    assertThat(v.status()).as("step %d %s", i, c).isEqualTo(200);
                    assertThat(json(v.body())).isEqualTo(json(VerdictBodies.success(applied.event(),
                            a.transition().message(), c.requestId())));
                    List<SpoolEvent> events = h.events();
                    assertThat(events).containsExactly(applied.event());
                    assertThat(h.views()).containsExactly(applied.view());
                    model.put(tag, applied.state());
                } else {
                    Decision.Rejected r = (Decision.Rejected) expected;
                    assertThat(v.status()).as("step %d %s: %s", i, c, v.body()).isEqualTo(r.code().status());
                    assertThat(json(v.body())).isEqualTo(json(VerdictBodies.error(r.code(), r.message(), r.data())));
                    assertThat(h.noEvents()).isTrue();
                }
                assertThat(h.state(tag)).isEqualTo(model.get(tag));
            }
            for (String tag : tags) {
                assertThat(h.history(tag)).extracting(SpoolEvent::version).hasSize((int) model.get(tag).version());
            }
        }
    }
}
