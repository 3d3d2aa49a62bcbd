package com.zeues.local.fake;

import com.sun.net.httpserver.HttpServer;
import com.zeues.process.ParentWatch;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stands in for the sheets emulator, the sheets connector or the occupation service in the launcher's tests: the
 * role is the name of the jar it was started from. It answers the launcher's readiness probe (the service only after
 * a second, to exercise the polling) and writes the environment it got to {@code $ZEUES_DATA_DIR/fake-<role>.env}.
 */
public final class FakeChild {

    static final List<String> REPORTED = List.of("ZEUES_WATCH_PARENT", "ZEUES_DATA_DIR", "SERVER_PORT",
            "ZEUES_ADMIN_TOKEN", "ZEUES_ADMIN_TOKEN_FILE", "KAFKA_BOOTSTRAP_SERVERS", "ZEUES_SHEETS_ENDPOINT", "ZEUES_CONNECTOR_PORT",
            "ZEUES_SHEETS_EMULATOR_PORT", "ZEUES_SHEETS_SPREADSHEET_ID");

    private FakeChild() {
    }

    public static void main(String[] args) throws IOException {
        ParentWatch.startIfRequested();
        String command = System.getProperty("sun.java.command", "");
        String jar = Path.of(command.split(" ")[0]).getFileName().toString();
        String role = jar.endsWith(".jar") ? jar.substring(0, jar.length() - 4) : jar;
        String portVariable = switch (role) {
            case "sheets-emulator" -> "ZEUES_SHEETS_EMULATOR_PORT";
            case "sheets-connector" -> "ZEUES_CONNECTOR_PORT";
            case "occupation-service" -> "SERVER_PORT";
            default -> null;
        };
        if (portVariable == null) {
            // any other jar name (a stand-in for kafka-local.jar, say): just be a process with that command line
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException ignored) {
                // end
            }
            return;
        }
        Map<String, String> seen = new TreeMap<>();
        for (String name : REPORTED) {
            seen.put(name, System.getenv().getOrDefault(name, "<unset>"));
        }
        StringBuilder report = new StringBuilder();
        seen.forEach((k, v) -> report.append(k).append('=').append(v).append('\n'));
        Path dataDir = Path.of(System.getenv("ZEUES_DATA_DIR"));
        Files.writeString(dataDir.resolve("fake-" + role + ".env"), report);

        long readyAt = System.currentTimeMillis() + (role.equals("occupation-service") ? 1000 : 0);
        int port = Integer.parseInt(System.getenv(portVariable));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", exchange -> {
            boolean ready = System.currentTimeMillis() >= readyAt;
            byte[] body = ("{\"role\":\"" + role + "\",\"operational\": " + ready + "}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(ready ? 200 : 503, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        System.out.println("fake " + role + " listening on 127.0.0.1:" + port);
    }
}
