package com.zeues.connector.sink;

import java.time.Instant;
import java.util.List;

/**
 * The sheet sink as health shows it, a snapshot taken on request.
 *
 * @param state            {@code starting}, {@code running}, {@code retrying} (a request failed and waits its
 *                         back-off), {@code stopped} (a request was refused: needs an operator), {@code disabled}
 * @param sheetsConnection {@code ok}, {@code error}, {@code unknown} (nothing sent yet) or {@code disabled}
 * @param kafkaConnection  {@code ok}, {@code error} or {@code unknown}
 * @param lastSuccess      the last write Google answered 2xx
 * @param lastError        why the last request failed (kept after later successes: compare {@code lastErrorTime}
 *                         with {@code lastSuccess}); null when nothing failed since the start
 * @param pendingEvents    events read and not yet written (in memory; {@link #lagEvents} counts the rest)
 * @param oldestPending    time of the oldest of them
 * @param lagEvents        offsets of zeues.spool-events not yet committed by the sink (read or not)
 * @param metadataTab      the tab the next audit row goes to
 * @param metadataNextRow  its row
 * @param missingColumns   system columns the Operaciones header lacks
 * @param missingRows      spools whose state could not be written because their row is not in Operaciones
 * @param nextRetry        when the failed request is sent again
 * @param groupId          the sink's consumer group (the occupation service computes the lag from it)
 * @param topic            zeues.spool-events (prefixed)
 */
public record SinkStatus(String state, String sheetsConnection, String kafkaConnection, Instant lastSuccess,
                         String lastError, Instant lastErrorTime, long pendingEvents, Instant oldestPending,
                         long lagEvents, String metadataTab, Integer metadataNextRow, List<String> missingColumns,
                         List<String> missingRows, int missingRowCount, Instant nextRetry, String groupId,
                         String topic, String spreadsheetId) {
}
