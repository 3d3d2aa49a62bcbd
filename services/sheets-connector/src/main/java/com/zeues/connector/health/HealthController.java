package com.zeues.connector.health;

import com.zeues.connector.config.ConnectorProperties;
import com.zeues.connector.master.MasterDataSync;
import com.zeues.connector.master.RowProblem;
import com.zeues.connector.master.SyncRequestListener;
import com.zeues.connector.master.SyncStatus;
import com.zeues.connector.sheets.SheetsClientFactory;
import com.zeues.connector.sink.SheetSink;
import com.zeues.connector.sink.SinkStatusBody;
import com.zeues.domain.time.BusinessTime;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/health}: always 200; {@code status} says whether the master data flows, {@code sheets_sink} how
 * the events reach the sheet.
 */
@RestController
public class HealthController {

    private final MasterDataSync sync;
    private final SyncRequestListener listener;
    private final BusinessTime time;
    private final ConnectorProperties props;
    private final SheetsClientFactory.Target target;
    private final SheetSink sink;

    public HealthController(MasterDataSync sync, SyncRequestListener listener, BusinessTime time,
                            ConnectorProperties props, SheetsClientFactory.Target target, SheetSink sink) {
        this.sync = sync;
        this.listener = listener;
        this.time = time;
        this.props = props;
        this.target = target;
        this.sink = sink;
    }

    /** The body of {@code /api/health} (snake_case on the wire). */
    public record ConnectorHealth(String status, String service, String timestamp, String spreadsheetId,
                                  String sheetsTarget, String kafkaConnection, String sheetsConnection,
                                  String lastSyncTime, Long lastSyncId, String lastAttemptTime, long syncs,
                                  long failedSyncs, int spools, int workers, Published published,
                                  Published publishedLastSync, List<RowProblem> rowProblems, String lastError,
                                  String lastErrorTime, boolean controlListenerAssigned,
                                  SinkStatusBody sheetsSink) {
    }

    /** Record counts (sync markers excluded). */
    public record Published(int spools, int workers) {
    }

    @GetMapping("/api/health")
    public ConnectorHealth health() {
        SyncStatus s = sync.status();
        return new ConnectorHealth(s.ok() ? "ok" : "error", "sheets-connector", time.iso(Instant.now()),
                props.sheets().spreadsheetId(), target.describe(), s.kafkaConnection(), s.sheetsConnection(),
                time.iso(s.lastSuccess()), s.lastSyncId(), time.iso(s.lastAttempt()), s.syncs(), s.failures(),
                s.sheetSpools(), s.sheetWorkers(),
                new Published(sync.published().spoolCount(), sync.published().workerCount()),
                new Published(s.publishedSpools(), s.publishedWorkers()), s.rowProblems(), s.lastError(),
                time.iso(s.lastErrorTime()), listener.isAssigned(), SinkStatusBody.of(sink.status(), time));
    }
}
