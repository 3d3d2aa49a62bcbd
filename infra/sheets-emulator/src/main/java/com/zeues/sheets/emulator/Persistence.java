package com.zeues.sheets.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps {@code <dir>/<id>.json} in step with the spreadsheets: a change schedules one write ~200 ms later
 * (changes in between ride along), written to a temp file then moved over the old one; {@link #close()}
 * writes what is pending.
 */
final class Persistence implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Persistence.class.getName());
    static final long DEBOUNCE_MS = 200;

    private final Path dir;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService writer;
    private volatile Function<String, Spreadsheet> lookup = id -> null;
    private volatile boolean closed;

    Persistence(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        this.writer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sheets-emulator-persist");
            t.setDaemon(true);
            return t;
        });
    }

    Path dir() {
        return dir;
    }

    void lookup(Function<String, Spreadsheet> lookup) {
        this.lookup = lookup;
    }

    /** Every spreadsheet file in the directory. */
    List<Spreadsheet> loadAll() {
        List<Spreadsheet> out = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                String id = name.substring(0, name.length() - ".json".length());
                if (!SpreadsheetStore.validId(id)) {
                    continue;
                }
                try {
                    out.add(SpreadsheetJson.fromDocument(id, Json.read(Files.readAllBytes(f))));
                } catch (RuntimeException e) {
                    throw new IllegalStateException("sheets emulator: cannot load " + f + " (fix or delete it): "
                            + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
        return out;
    }

    Path file(String id) {
        return dir.resolve(id + ".json");
    }

    void changed(String id) {
        if (closed) {
            flush(id);
            return;
        }
        if (pending.add(id)) {
            writer.schedule(() -> flush(id), DEBOUNCE_MS, TimeUnit.MILLISECONDS);
        }
    }

    /** Writes one spreadsheet now (or deletes its file when it is gone). */
    synchronized void flush(String id) {
        pending.remove(id);
        Spreadsheet sp = lookup.apply(id);
        Path target = file(id);
        try {
            if (sp == null) {
                Files.deleteIfExists(target);
                return;
            }
            ObjectNode doc = sp.read(() -> SpreadsheetJson.toDocument(sp));
            byte[] bytes = Json.write(doc);
            Path tmp = dir.resolve(id + ".json.tmp");
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "sheets emulator: could not write " + target, e);
        }
    }

    /** Flushes everything pending, then stops the writer. */
    @Override
    public void close() {
        closed = true;
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (String id : List.copyOf(pending)) {
            flush(id);
        }
    }
}
