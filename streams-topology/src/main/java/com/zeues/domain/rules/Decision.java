package com.zeues.domain.rules;

import com.zeues.domain.model.ErrorCode;
import java.util.Map;

/** What the rules say about one command: accepted with its transition, or rejected with an error. */
public sealed interface Decision {

    record Accepted(Transition transition) implements Decision {
    }

    record Rejected(ErrorCode code, String message, Map<String, Object> data) implements Decision {
        public Rejected {
            data = data == null ? Map.of() : data;
        }
    }

    static Decision accept(Transition t) {
        return new Accepted(t);
    }
}
