package com.zeues.sheets.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.JsonNode;

/**
 * A local Google Sheets v4 server on 127.0.0.1: the part of the API the connector uses, spreadsheets in memory,
 * each persisted to {@code <dataDir>/sheets/<id>.json}, and an admin API under {@code /_emulator/}.
 *
 * <pre>{@code
 * try (SheetsEmulator emulator = SheetsEmulator.start(0, dataDir)) {
 *     new Sheets.Builder(transport, json, init).setRootUrl(emulator.rootUrl()) ...
 * }
 * }</pre>
 *
 * Requests pass a chain of {@link RequestFilter}s (the {@link WriteLog}, the {@link FaultInjector}, then any
 * added with {@link #addFilter}) before the API handlers.
 */
public final class SheetsEmulator implements AutoCloseable {

    /** The spreadsheet that holds the demo data. */
    public static final String DEFAULT_SPREADSHEET_ID = "zeues-local";

    private static final Logger LOG = Logger.getLogger(SheetsEmulator.class.getName());
    private static final int MAX_BODY_BYTES = 64 * 1024 * 1024;
    private static final int THREADS = 32;

    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    private final Persistence persistence;
    private final SpreadsheetStore store;
    private final FaultInjector faults = new FaultInjector();
    private final WriteLog writeLog = new WriteLog();
    private final List<RequestFilter> filters = new CopyOnWriteArrayList<>();
    private final SheetsApi api;
    private final AdminApi admin;
    private volatile boolean closed;

    private SheetsEmulator(InetAddress bindAddress, int port, Path dataDir) throws IOException {
        this.persistence = dataDir == null ? null : new Persistence(dataDir.resolve("sheets"));
        this.store = new SpreadsheetStore(persistence);
        if (persistence != null) {
            persistence.lookup(store::find);
            persistence.loadAll().forEach(store::load);
        }
        if (store.find(DEFAULT_SPREADSHEET_ID) == null) {
            store.put(DemoSpreadsheet.build(DEFAULT_SPREADSHEET_ID));
            if (persistence != null) {
                persistence.flush(DEFAULT_SPREADSHEET_ID);
            }
        }
        filters.add(writeLog);
        filters.add(faults);
        this.api = new SheetsApi(store, this::rootUrl);
        this.admin = new AdminApi(this);
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(1024), r -> {
                    Thread t = new Thread(r, "sheets-emulator-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        executor.allowCoreThreadTimeOut(true);
        try {
            this.server = HttpServer.create(new InetSocketAddress(bindAddress, port), 128);
        } catch (IOException e) {
            executor.shutdownNow();
            if (persistence != null) {
                persistence.close();
            }
            throw e;
        }
        server.createContext("/", this::exchange);
        server.setExecutor(executor);
        server.start();
    }

    /**
     * Starts on 127.0.0.1:{@code port} (0 = a free port). Spreadsheets are loaded from
     * {@code dataDir/sheets/}; the demo spreadsheet {@value #DEFAULT_SPREADSHEET_ID} is seeded when it has no
     * file yet. A null {@code dataDir} keeps everything in memory.
     */
    public static SheetsEmulator start(int port, Path dataDir) {
        return start(InetAddress.getLoopbackAddress(), port, dataDir);
    }

    /**
     * As {@link #start(int, Path)}, listening on {@code bindAddress} instead of 127.0.0.1: a container binds the
     * wildcard address so that the connector in another container can reach it. {@link #rootUrl()} stays the
     * loopback URL, which a wildcard bind also serves.
     */
    public static SheetsEmulator start(InetAddress bindAddress, int port, Path dataDir) {
        try {
            return new SheetsEmulator(bindAddress, port, dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("sheets emulator: cannot listen on " + bindAddress.getHostAddress() + ":"
                    + port, e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The address and port the server listens on. */
    InetSocketAddress address() {
        return server.getAddress();
    }

    /** {@code http://127.0.0.1:<port>/}: the Google client's root URL. */
    public String rootUrl() {
        return "http://127.0.0.1:" + port() + "/";
    }

    public String baseUrl() {
        return rootUrl();
    }

    public FaultInjector faults() {
        return faults;
    }

    public WriteLog writeLog() {
        return writeLog;
    }

    /** Adds a filter after the built-in ones (closest to the API handlers). */
    public void addFilter(RequestFilter filter) {
        filters.add(filter);
    }

    public List<String> spreadsheetIds() {
        return store.ids();
    }

    /**
     * The stored values of a range, trailing empties trimmed, each cell a String, BigDecimal or Boolean
     * (UNFORMATTED_VALUE), for assertions that should not go through the Google client.
     */
    public List<List<Object>> values(String spreadsheetId, String range) {
        Spreadsheet sp = store.require(spreadsheetId);
        return sp.read(() -> {
            Spreadsheet.Target t = sp.resolve(range);
            Sheet s = t.sheet();
            A1.Bounds b = t.bounds();
            int r1 = b.endRow() == A1.OPEN ? s.dataRowCount() : Math.min(b.endRow(), s.dataRowCount());
            int c1 = b.endCol() == A1.OPEN ? s.columnCount() : b.endCol();
            List<List<Object>> out = new ArrayList<>();
            int lastNonEmpty = -1;
            for (int r = b.startRow(); r < r1; r++) {
                List<Object> row = new ArrayList<>();
                int end = -1;
                for (int c = b.startCol(); c < c1; c++) {
                    JsonNode v = s.get(r, c);
                    row.add(v == null ? "" : v.isString() ? v.stringValue() : v.isBoolean() ? (Object) v.booleanValue()
                            : (Object) new BigDecimal(v.asString()));
                    if (v != null) {
                        end = c - b.startCol();
                    }
                }
                List<Object> trimmed = new ArrayList<>(row.subList(0, end + 1));
                out.add(trimmed);
                if (!trimmed.isEmpty()) {
                    lastNonEmpty = out.size() - 1;
                }
            }
            return new ArrayList<>(out.subList(0, lastNonEmpty + 1));
        });
    }

    /** The whole spreadsheet as the admin API's JSON document. */
    public String spreadsheetJson(String spreadsheetId) {
        Spreadsheet sp = store.require(spreadsheetId);
        return new String(Json.writePretty(sp.read(() -> SpreadsheetJson.toDocument(sp))), StandardCharsets.UTF_8);
    }

    /** Creates or replaces a spreadsheet from the admin API's JSON document. */
    public void putSpreadsheet(String spreadsheetId, String documentJson) {
        if (!SpreadsheetStore.validId(spreadsheetId)) {
            throw new IllegalArgumentException("bad spreadsheet id " + spreadsheetId);
        }
        store.put(SpreadsheetJson.fromDocument(spreadsheetId, Json.read(documentJson.getBytes(StandardCharsets.UTF_8))));
    }

    /** Puts the demo data under {@code spreadsheetId} (replacing what was there). */
    public void resetToDemo(String spreadsheetId) {
        store.put(DemoSpreadsheet.build(spreadsheetId));
    }

    /** Only the demo spreadsheet, with its demo data; no faults; an empty write log. */
    public void resetAll() {
        for (String id : store.ids()) {
            if (!id.equals(DEFAULT_SPREADSHEET_ID)) {
                store.remove(id);
            }
        }
        resetToDemo(DEFAULT_SPREADSHEET_ID);
        faults.clear();
        writeLog.clear();
    }

    /** Writes every pending change to disk now. */
    public void flush() {
        if (persistence != null) {
            for (String id : store.ids()) {
                persistence.flush(id);
            }
        }
    }

    SpreadsheetStore store() {
        return store;
    }

    /** Stops listening, ends requests in flight (including held ones) and writes what is pending. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (persistence != null) {
            persistence.close();
        }
    }

    // ---- HTTP ----------------------------------------------------------------------------------------------

    private void exchange(HttpExchange ex) {
        long now = System.currentTimeMillis();
        try {
            EmulatorResponse response;
            try {
                byte[] body = readBody(ex);
                Map<String, String> headers = new HashMap<>();
                ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT),
                        v.isEmpty() ? "" : v.get(0)));
                EmulatorRequest req = new EmulatorRequest(ex.getRequestMethod(), ex.getRequestURI().getRawPath(),
                        ex.getRequestURI().getRawQuery(), headers, body, now);
                response = proceed(req, 0);
            } catch (ApiException e) {
                response = EmulatorResponse.error(e);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "sheets emulator: " + ex.getRequestMethod() + " " + ex.getRequestURI(), e);
                response = EmulatorResponse.error(500, "INTERNAL", "Internal error encountered.");
            }
            if (response.isDropped()) {
                if (response.dropAfterMillis() > 0) {
                    Thread.sleep(response.dropAfterMillis());
                }
                return; // closing without a response: the client sees the connection end unanswered
            }
            ex.getResponseHeaders().set("Content-Type", response.contentType());
            ex.getResponseHeaders().set("Server", "ZEUES sheets emulator");
            byte[] body = response.body();
            ex.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away
        } finally {
            ex.close();
        }
    }

    private EmulatorResponse proceed(EmulatorRequest req, int index) {
        if (index < filters.size()) {
            return filters.get(index).filter(req, r -> proceed(r, index + 1));
        }
        return switch (req.call().operation()) {
            case ApiCall.ADMIN -> admin.handle(req);
            default -> {
                if (req.rawPath().equals("/")) {
                    yield EmulatorResponse.text(200, "ZEUES Google Sheets v4 emulator: see " + rootUrl()
                            + "_emulator/\n");
                }
                yield api.handle(req);
            }
        };
    }

    private static byte[] readBody(HttpExchange ex) throws IOException {
        InputStream in = ex.getRequestBody();
        String encoding = ex.getRequestHeaders().getFirst("Content-Encoding");
        if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("gzip")) {
            in = new GZIPInputStream(in);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[16384];
        int n;
        while ((n = in.read(buf)) > 0) {
            out.write(buf, 0, n);
            if (out.size() > MAX_BODY_BYTES) {
                throw new ApiException(413, "INVALID_ARGUMENT", "Request payload size exceeds the limit: "
                        + MAX_BODY_BYTES + " bytes.");
            }
        }
        return out.toByteArray();
    }
}
