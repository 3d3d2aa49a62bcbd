package com.zeues.sheets.emulator;

import com.zeues.process.ParentWatch;
import java.nio.file.Path;

/**
 * Runs the emulator: {@code ZEUES_SHEETS_EMULATOR_PORT} (default 9099) on 127.0.0.1, spreadsheets in
 * {@code $ZEUES_DATA_DIR/sheets/} (default {@code ./data}).
 */
public final class SheetsEmulatorMain {

    private SheetsEmulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        ParentWatch.startIfRequested();
        int port = Integer.parseInt(env("ZEUES_SHEETS_EMULATOR_PORT", "9099").trim());
        Path dataDir = Path.of(env("ZEUES_DATA_DIR", "./data")).toAbsolutePath().normalize();
        SheetsEmulator emulator = SheetsEmulator.start(port, dataDir);
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "sheets-emulator-shutdown"));
        System.out.println("ZEUES sheets emulator on " + emulator.rootUrl() + " (spreadsheet "
                + SheetsEmulator.DEFAULT_SPREADSHEET_ID + ", data in " + dataDir.resolve("sheets") + ")");
        Thread.currentThread().join(); // the HTTP server's threads serve; the shutdown hook stops them
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
