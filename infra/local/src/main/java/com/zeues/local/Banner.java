package com.zeues.local;

import com.zeues.local.AdminTokenFile.AdminToken;

/** What the launcher prints once everything is ready. */
public final class Banner {

    /** The banner's first line: {@code LocalStack} waits for it. */
    public static final String READY_LINE = "ZEUES is running.";

    private Banner() {
    }

    public static String text(LocalSettings s, AdminToken token, String kafka) {
        String api = "http://127.0.0.1:" + s.servicePort();
        String nl = System.lineSeparator();
        return nl + READY_LINE + nl
                + row("API", api + "/api")
                + row("API docs", api + "/api/docs")
                + row("Health", api + "/api/health")
                + row("Metrics", api + "/actuator/prometheus")
                + row("Sheets emulator", "http://127.0.0.1:" + s.emulatorPort() + "/v4/spreadsheets/" + s.spreadsheetId())
                + row("Sheets connector", "http://127.0.0.1:" + s.connectorPort() + "/api/health")
                + row("Kafka", kafka)
                + row("Data dir", s.dataDir().toString())
                + row("Admin token", "in " + token.source())
                + row("Logs", s.logDir().toString())
                + "Ctrl-C to stop." + nl;
    }

    private static String row(String name, String value) {
        return String.format("  %-17s %s%n", name, value);
    }
}
