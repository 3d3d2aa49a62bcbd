package com.zeues.domain.model;

/** Asks the sheets connector to re-read the master data now: the value of {@code zeues.control}. */
public record SyncRequest(long syncId, String requestedBy) {
}
