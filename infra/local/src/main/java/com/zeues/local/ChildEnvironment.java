package com.zeues.local;

import com.zeues.local.AdminTokenFile.AdminToken;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What each child finds in its environment, on top of the launcher's own: its port, the data directory, Kafka, the
 * connector's port (the service asks the connector for the sheet sink's state) and {@code ZEUES_WATCH_PARENT=true}.
 * A {@code null} value removes an inherited variable: {@code SERVER_PORT} belongs to the occupation service alone and
 * the admin token goes to it alone.
 */
public final class ChildEnvironment {

    private ChildEnvironment() {
    }

    public static Map<String, String> emulator(LocalSettings s) {
        Map<String, String> env = common(s);
        env.put("ZEUES_SHEETS_EMULATOR_PORT", String.valueOf(s.emulatorPort()));
        return env;
    }

    public static Map<String, String> connector(LocalSettings s) {
        Map<String, String> env = common(s);
        env.put("ZEUES_CONNECTOR_PORT", String.valueOf(s.connectorPort()));
        env.put("KAFKA_BOOTSTRAP_SERVERS", s.bootstrapServers());
        env.put("ZEUES_SHEETS_ENDPOINT", "http://127.0.0.1:" + s.emulatorPort() + "/");
        env.put("ZEUES_SHEETS_SPREADSHEET_ID", s.spreadsheetId());
        return env;
    }

    public static Map<String, String> service(LocalSettings s, AdminToken token) {
        Map<String, String> env = common(s);
        env.put("SERVER_PORT", String.valueOf(s.servicePort()));
        env.put("KAFKA_BOOTSTRAP_SERVERS", s.bootstrapServers());
        if (token.file() != null) {
            env.put("ZEUES_ADMIN_TOKEN_FILE", token.file().toString()); // re-read on change: rotation, no restart
        } else {
            env.put("ZEUES_ADMIN_TOKEN", token.value());
        }
        // where the service asks for the sheet sink's state (health, resync): never left to inheritance
        env.put("ZEUES_CONNECTOR_PORT", String.valueOf(s.connectorPort()));
        return env;
    }

    /** For the broker, whose ports and data directory KafkaLocalBroker passes itself. */
    public static Map<String, String> broker() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", null);
        env.put("ZEUES_ADMIN_TOKEN", null);
        return env;
    }

    private static Map<String, String> common(LocalSettings s) {
        Map<String, String> env = broker();
        env.put("ZEUES_WATCH_PARENT", "true");
        env.put("ZEUES_DATA_DIR", s.dataDir().toString());
        return env;
    }
}
