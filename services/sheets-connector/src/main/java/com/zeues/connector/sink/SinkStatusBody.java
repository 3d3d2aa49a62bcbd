package com.zeues.connector.sink;

import com.zeues.domain.time.BusinessTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** {@link SinkStatus} on the wire (snake_case, instants as ISO-8601 in the business zone). */
public record SinkStatusBody(String state, String sheetsConnection, String kafkaConnection, String lastSuccess,
                             String lastError, String lastErrorTime, long pendingEvents, Long oldestPendingAgeS,
                             long lagEvents, String metadataTab, Integer metadataNextRow, List<String> missingColumns,
                             List<String> missingRows, int missingRowCount, String nextRetry, String groupId,
                             String topic, String spreadsheetId) {

    public static SinkStatusBody of(SinkStatus s, BusinessTime time) {
        Instant now = Instant.now();
        return new SinkStatusBody(s.state(), s.sheetsConnection(), s.kafkaConnection(), time.iso(s.lastSuccess()),
                s.lastError(), time.iso(s.lastErrorTime()), s.pendingEvents(),
                s.oldestPending() == null ? null : Math.max(0, Duration.between(s.oldestPending(), now).toSeconds()),
                s.lagEvents(), s.metadataTab(), s.metadataNextRow(), s.missingColumns(), s.missingRows(),
                s.missingRowCount(), time.iso(s.nextRetry()), s.groupId(), s.topic(), s.spreadsheetId());
    }
}
