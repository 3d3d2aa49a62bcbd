package com.zeues.connector.health;

import com.zeues.connector.master.MasterDataSync;
import com.zeues.connector.master.SyncStatus;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Actuator's view of the master-data sync: up once a sync succeeded and the last attempt did too. */
@Component("masterData")
public class MasterDataHealthIndicator implements HealthIndicator {

    private final MasterDataSync sync;

    public MasterDataHealthIndicator(MasterDataSync sync) {
        this.sync = sync;
    }

    @Override
    public Health health() {
        SyncStatus s = sync.status();
        Health.Builder b = s.ok() ? Health.up() : Health.down();
        b.withDetail("kafka", s.kafkaConnection()).withDetail("sheets", s.sheetsConnection())
                .withDetail("rowProblems", s.rowProblems().size());
        if (s.lastSyncId() != null) {
            b.withDetail("lastSyncId", s.lastSyncId());
        }
        if (s.lastError() != null) {
            b.withDetail("lastError", s.lastError());
        }
        return b.build();
    }
}
