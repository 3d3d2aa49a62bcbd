package com.zeues.connector.master;

import com.zeues.domain.model.Worker;
import java.util.List;
import java.util.Set;

/**
 * The master data read from the sheet: spools and workers in sheet order, the rows that could not be used, and
 * every readable worker Id of {@code Trabajadores} (usable or not: a worker whose row has a problem is still
 * listed, so it is left as published rather than taken for removed).
 */
public record ParsedMasterData(List<SpoolRow> spools, List<Worker> workers, List<RowProblem> problems,
                               Set<Integer> listedWorkerIds) {

    public ParsedMasterData {
        spools = List.copyOf(spools);
        workers = List.copyOf(workers);
        problems = List.copyOf(problems);
        listedWorkerIds = Set.copyOf(listedWorkerIds);
    }
}
