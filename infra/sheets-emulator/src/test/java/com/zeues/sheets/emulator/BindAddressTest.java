package com.zeues.sheets.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The emulator listens on 127.0.0.1 by default and on another address when asked (its container binds the wildcard
 * address, so that the connector in another container reaches it); the container's health check asks for the demo
 * spreadsheet on the loopback address either way.
 */
class BindAddressTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void listensOnLoopbackByDefault() {
        try (SheetsEmulator emulator = SheetsEmulator.start(0, null)) {
            assertThat(boundAddress(emulator).isLoopbackAddress()).isTrue();
        }
    }

    @Test
    void aWildcardBindServesTheDemoSpreadsheetOnLoopback() throws Exception {
        try (SheetsEmulator emulator = SheetsEmulator.start(InetAddress.getByName("0.0.0.0"), 0, null)) {
            assertThat(boundAddress(emulator).isAnyLocalAddress()).isTrue();
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + emulator.port() + "/v4/spreadsheets/zeues-local"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("zeues-local");
        }
    }

    private static InetAddress boundAddress(SheetsEmulator emulator) {
        return emulator.address().getAddress();
    }
}
