package com.zeues.connector.sink;

import java.util.List;

/**
 * What a resync did.
 *
 * @param spools          spools read from {@code zeues.spool-state}
 * @param written         rows rewritten (or already holding a newer state)
 * @param missingRows     spools without a row in Operaciones (nothing written for them)
 * @param missingColumns  system columns the Operaciones header lacks (not written)
 * @param writeRequests   write requests the resync's rows travelled in
 * @param tookMs          from the request to the last write
 */
public record ResyncResult(long id, int spools, int written, List<String> missingRows, List<String> missingColumns,
                           int writeRequests, long tookMs) {
}
