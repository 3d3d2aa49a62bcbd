package com.zeues.sheets.emulator;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** The spreadsheets the emulator holds, by id; tells the persistence about every change. */
final class SpreadsheetStore {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    private final Map<String, Spreadsheet> spreadsheets = new ConcurrentHashMap<>();
    private final Persistence persistence;

    SpreadsheetStore(Persistence persistence) {
        this.persistence = persistence;
    }

    static boolean validId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    Spreadsheet find(String id) {
        return id == null ? null : spreadsheets.get(id);
    }

    /** The spreadsheet, or the API's 404. */
    Spreadsheet require(String id) {
        Spreadsheet sp = find(id);
        if (sp == null) {
            throw ApiException.notFound();
        }
        return sp;
    }

    List<String> ids() {
        return spreadsheets.keySet().stream().sorted().toList();
    }

    /** Adds or replaces a spreadsheet (replacing waits for requests in flight on the old one). */
    void put(Spreadsheet sp) {
        Spreadsheet old = spreadsheets.get(sp.id());
        if (old != null) {
            old.write(() -> {
                old.replaceContent(sp);
                return null;
            });
        } else {
            spreadsheets.put(sp.id(), sp);
        }
        changed(sp.id());
    }

    /** Loads without scheduling a write (used at start). */
    void load(Spreadsheet sp) {
        spreadsheets.put(sp.id(), sp);
    }

    boolean remove(String id) {
        boolean removed = spreadsheets.remove(id) != null;
        if (removed) {
            changed(id);
        }
        return removed;
    }

    void changed(String id) {
        if (persistence != null) {
            persistence.changed(id);
        }
    }
}
