package com.zeues.occupation.command;

import com.zeues.domain.model.Verdict;

/** How a command ended for its caller: a verdict, never sent (503), or sent without a verdict in time (504). */
public sealed interface CommandOutcome {

    record Decided(Verdict verdict) implements CommandOutcome {
    }

    record NotSent(String reason) implements CommandOutcome {
    }

    record Pending(String requestId) implements CommandOutcome {
    }
}
