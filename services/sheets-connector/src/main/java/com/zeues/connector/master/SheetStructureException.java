package com.zeues.connector.master;

import java.util.List;

/**
 * The spreadsheet lacks what the connector needs (a sheet, or a required column): nothing can be published
 * safely, so the sync fails with this clear message instead.
 */
public final class SheetStructureException extends Exception {

    private final List<String> problems;

    public SheetStructureException(List<String> problems) {
        super(String.join("; ", problems), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
