package com.zeues.occupation.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/** The relay of {@code POST /api/admin/sheets/resync} to the connector: answer passed through, token forwarded. */
class SheetsResyncControllerTest {

    @Test
    void theConnectorsAnswerIsPassedThroughWithTheTokenForwarded() throws Exception {
        AtomicReference<String> auth = new AtomicReference<>();
        HttpServer connector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        connector.createContext("/api/admin/sheets/resync", ex -> {
            auth.set(ex.getRequestHeaders().getFirst("Authorization"));
            byte[] body = "{\"success\":true,\"resync\":{\"spools\":310,\"written\":310}}"
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(ex.getRequestMethod().equals("POST") ? 200 : 405, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        connector.start();
        try {
            SheetsResyncController c = new SheetsResyncController("http://127.0.0.1:"
                    + connector.getAddress().getPort() + "/", Duration.ofSeconds(10));

            ResponseEntity<Object> r = c.resync("Bearer tok").block(Duration.ofSeconds(10));

            assertThat(r.getStatusCode().value()).isEqualTo(200);
            assertThat((String) r.getBody()).contains("\"written\":310");
            assertThat(auth.get()).isEqualTo("Bearer tok");
        } finally {
            connector.stop(0);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void anUnreachableConnectorIsA503() {
        SheetsResyncController c = new SheetsResyncController("http://127.0.0.1:1", Duration.ofSeconds(5));

        ResponseEntity<Object> r = c.resync("Bearer tok").block(Duration.ofSeconds(10));

        assertThat(r.getStatusCode().value()).isEqualTo(503);
        Map<String, Object> body = (Map<String, Object>) r.getBody();
        assertThat(body).containsEntry("success", false).containsEntry("error", "SERVICIO_NO_DISPONIBLE");
        assertThat((String) body.get("message")).contains("http://127.0.0.1:1")
                .as("no exception class in the answer").doesNotContainIgnoringCase("exception");
    }
}
