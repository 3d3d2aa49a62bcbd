package com.zeues.sheets.emulator;

import com.zeues.process.ParentWatch;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;

/**
 * Runs the emulator: {@code ZEUES_SHEETS_EMULATOR_PORT} (default 9099) on {@code ZEUES_SHEETS_EMULATOR_HOST} (default
 * 127.0.0.1; the container image sets 0.0.0.0), spreadsheets in {@code $ZEUES_DATA_DIR/sheets/} (default
 * {@code ./data}).
 */
public final class SheetsEmulatorMain {

    private SheetsEmulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException, UnknownHostException {
        ParentWatch.startIfRequested();
        InetAddress host = InetAddress.getByName(env("ZEUES_SHEETS_EMULATOR_HOST", "127.0.0.1").trim());
        int port = Integer.parseInt(env("ZEUES_SHEETS_EMULATOR_PORT", "9099").trim());
        Path dataDir = Path.of(env("ZEUES_DATA_DIR", "./data")).toAbsolutePath().normalize();
        SheetsEmulator emulator = SheetsEmulator.start(host, port, dataDir);
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
