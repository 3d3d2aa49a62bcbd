package com.zeues.occupation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zeues.domain.model.ErrorCode;
import com.zeues.occupation.config.ZeuesProperties;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;

/** The allow-list comes from {@code zeues.cors.allowed-origins}; anything else is refused with the contract's 403. */
class CorsPolicyFilterTest {

    static CorsPolicyFilter filter(List<String> origins) {
        return new CorsPolicyFilter(new ZeuesProperties("x:9092", "./data", "test", ZoneId.of("America/Santiago"),
                new ZeuesProperties.Topics("", 6, 4, (short) 1),
                new ZeuesProperties.Streams("app", Duration.ofMillis(10), null, Duration.ofHours(8),
                        Duration.ofSeconds(30), Duration.ofHours(24), 1L, null, 0, 10_000L, Duration.ofSeconds(3)),
                new ZeuesProperties.Commands(Duration.ofSeconds(5), 0, 10, Duration.ofSeconds(10), Duration.ofSeconds(2)),
                new ZeuesProperties.Access(null, null, List.of(), null),
                new ZeuesProperties.Cors(origins, Duration.ofMinutes(10)), ZeuesProperties.Views.defaults()));
    }

    /** Runs the filter; the response headers, or the exception it refused with. */
    static MockServerWebExchange run(CorsPolicyFilter f, MockServerHttpRequest request, AtomicBoolean passed) {
        MockServerWebExchange exchange = MockServerWebExchange.from(request);
        Mono.defer(() -> f.filter(exchange, ex -> {
            passed.set(true);
            return Mono.empty();
        })).block();
        return exchange;
    }

    static MockServerHttpRequest preflight(String origin) {
        return MockServerHttpRequest.options("http://zeues.plant:8080/api/occupation/tomar")
                .header(HttpHeaders.ORIGIN, origin)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "Content-Type, X-Device-Token").build();
    }

    @Test
    void aConfiguredOriginPatternIsAllowed() {
        CorsPolicyFilter f = filter(List.of("https://*.plant.example", " http://supervisor.lan:8080 ", ""));
        for (String origin : List.of("https://tablets.plant.example", "http://supervisor.lan:8080")) {
            AtomicBoolean passed = new AtomicBoolean();
            HttpHeaders h = run(f, preflight(origin), passed).getResponse().getHeaders();
            assertThat(passed).as("a preflight is answered by the filter").isFalse();
            assertThat(h.getAccessControlAllowOrigin()).isEqualTo(origin);
            assertThat(h.getAccessControlAllowMethods()).contains(HttpMethod.POST);
            assertThat(h.getAccessControlMaxAge()).isEqualTo(600);
        }
        AtomicBoolean passed = new AtomicBoolean();
        MockServerWebExchange get = run(f, MockServerHttpRequest.get("http://zeues.plant:8080/api/workers")
                .header(HttpHeaders.ORIGIN, "https://tablets.plant.example").build(), passed);
        assertThat(passed).isTrue();
        assertThat(get.getResponse().getHeaders().getAccessControlAllowOrigin())
                .isEqualTo("https://tablets.plant.example");
    }

    @Test
    void theDefaultsAreReplacedNotExtended() {
        CorsPolicyFilter f = filter(List.of("https://*.plant.example"));
        assertThatThrownBy(() -> run(f, preflight("http://localhost:5173"), new AtomicBoolean()))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.NO_AUTORIZADO));
        assertThatThrownBy(() -> run(f, preflight("http://plant.example.evil"), new AtomicBoolean()))
                .isInstanceOf(ApiException.class);
    }

    @Test
    void sameOriginAndNonBrowserRequestsPass() {
        CorsPolicyFilter f = filter(List.of());
        AtomicBoolean passed = new AtomicBoolean();
        run(f, MockServerHttpRequest.post("http://zeues.plant:8080/api/occupation/tomar")
                .header(HttpHeaders.ORIGIN, "http://zeues.plant:8080").build(), passed);
        assertThat(passed).as("the page's own origin").isTrue();
        AtomicBoolean curl = new AtomicBoolean();
        run(f, MockServerHttpRequest.post("http://zeues.plant:8080/api/occupation/tomar").build(), curl);
        assertThat(curl).as("no Origin: not a browser's cross-origin request").isTrue();
    }
}
