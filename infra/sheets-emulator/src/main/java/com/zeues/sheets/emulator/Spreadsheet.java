package com.zeues.sheets.emulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/** One spreadsheet: its tabs in index order, guarded by one read-write lock. */
final class Spreadsheet {

    /** Google's limit for one spreadsheet. */
    static final long MAX_CELLS = 10_000_000L;

    private final String id;
    private String title;
    private String locale = "es_CL";
    private String timeZone = "America/Santiago";
    private final List<Sheet> sheets = new ArrayList<>();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    Spreadsheet(String id, String title) {
        this.id = id;
        this.title = title;
    }

    String id() {
        return id;
    }

    String title() {
        return title;
    }

    String locale() {
        return locale;
    }

    void locale(String locale) {
        this.locale = locale;
    }

    String timeZone() {
        return timeZone;
    }

    void timeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    List<Sheet> sheets() {
        return sheets;
    }

    <T> T read(Supplier<T> action) {
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    <T> T write(Supplier<T> action) {
        lock.writeLock().lock();
        try {
            return action.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Appends a tab at the end (the caller checks the title is free). */
    Sheet addSheet(Sheet sheet) {
        sheets.add(sheet);
        reindex();
        return sheet;
    }

    void reindex() {
        for (int i = 0; i < sheets.size(); i++) {
            sheets.get(i).index(i);
        }
    }

    void move(Sheet sheet, int index) {
        sheets.remove(sheet);
        sheets.add(Math.max(0, Math.min(index, sheets.size())), sheet);
        reindex();
    }

    Sheet sheetByTitle(String name) {
        for (Sheet s : sheets) {
            if (s.title().equals(name)) {
                return s;
            }
        }
        String folded = name.toLowerCase(Locale.ROOT);
        for (Sheet s : sheets) {
            if (s.title().toLowerCase(Locale.ROOT).equals(folded)) {
                return s;
            }
        }
        return null;
    }

    Sheet sheetById(int sheetId) {
        for (Sheet s : sheets) {
            if (s.sheetId() == sheetId) {
                return s;
            }
        }
        return null;
    }

    long cellCount() {
        long n = 0;
        for (Sheet s : sheets) {
            n += s.cellCount();
        }
        return n;
    }

    /** A range resolved against this spreadsheet: its tab and cell bounds (ends may be open). */
    record Target(Sheet sheet, A1.Bounds bounds) {
    }

    /** Resolves A1 text; throws the API's 400 "Unable to parse range" for an unknown tab or bad cells. */
    Target resolve(String text) {
        if (text == null || text.isBlank()) {
            throw A1.unparsable(text == null ? "" : text);
        }
        A1.Parsed p = A1.split(text);
        if (p.cells() == null) {
            Sheet s = sheetByTitle(p.sheetName());
            if (s != null) {
                return new Target(s, A1.Bounds.WHOLE);
            }
            if (!p.quoted() && !sheets.isEmpty()) { // "A1:B2" without a tab: the first tab
                A1.Bounds b = A1.parseCells(p.sheetName());
                if (b != null) {
                    return new Target(sheets.get(0), b);
                }
            }
            throw A1.unparsable(text);
        }
        Sheet s = sheetByTitle(p.sheetName());
        A1.Bounds b = A1.parseCells(p.cells());
        if (s == null || b == null) {
            throw A1.unparsable(text);
        }
        return new Target(s, b);
    }

    int freeSheetId(java.util.Random random) {
        while (true) {
            int candidate = 1 + random.nextInt(Integer.MAX_VALUE - 1);
            if (sheetById(candidate) == null) {
                return candidate;
            }
        }
    }

    Spreadsheet copy(String newId) {
        Spreadsheet c = new Spreadsheet(newId, title);
        c.locale = locale;
        c.timeZone = timeZone;
        for (Sheet s : sheets) {
            c.sheets.add(s.copy());
        }
        return c;
    }

    /** Replaces this spreadsheet's content with {@code other}'s (used to commit an all-or-nothing batch). */
    void replaceContent(Spreadsheet other) {
        title = other.title;
        locale = other.locale;
        timeZone = other.timeZone;
        sheets.clear();
        sheets.addAll(other.sheets);
        sheets.sort(Comparator.comparingInt(Sheet::index));
    }

    void title(String title) {
        this.title = title;
    }
}
