package com.zeues.occupation.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.zeues.domain.model.ErrorCode;
import com.zeues.occupation.config.ZeuesProperties;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Contract §8: admin bearer token, device tokens on POSTs outside admin. */
class AccessTokenFilterTest {

    static ZeuesProperties props(String admin, List<String> devices) {
        return new ZeuesProperties("x:9092", "./data", "test", ZoneId.of("America/Santiago"),
                new ZeuesProperties.Topics("", 6, 4, (short) 1),
                new ZeuesProperties.Streams("app", Duration.ofMillis(10), null, Duration.ofHours(8),
                        Duration.ofSeconds(30), Duration.ofHours(24), 1L),
                new ZeuesProperties.Commands(Duration.ofSeconds(5), 0, 10, Duration.ofSeconds(10)),
                new ZeuesProperties.Access(admin, devices), ZeuesProperties.Views.defaults());
    }

    /** Runs the filter; returns the error code it refused with, or null when the request went through. */
    static ErrorCode run(AccessTokenFilter filter, MockServerHttpRequest request) {
        AtomicBoolean passed = new AtomicBoolean();
        WebFilterChain chain = exchange -> {
            passed.set(true);
            return Mono.empty();
        };
        try {
            filter.filter(MockServerWebExchange.from(request), chain).block();
        } catch (ApiException e) {
            assertThat(passed).isFalse();
            return e.code();
        }
        assertThat(passed).isTrue();
        return null;
    }

    @Test
    void adminNeedsTheBearerToken() {
        AccessTokenFilter f = new AccessTokenFilter(props("s3cret", List.of()));
        String path = "/api/admin/spools/TEST-01/liberar";
        assertThat(run(f, MockServerHttpRequest.post(path).build())).isEqualTo(ErrorCode.TOKEN_INVALIDO);
        assertThat(run(f, MockServerHttpRequest.post(path).header("Authorization", "Bearer wrong").build()))
                .isEqualTo(ErrorCode.TOKEN_INVALIDO);
        assertThat(run(f, MockServerHttpRequest.post(path).header("Authorization", "Basic s3cret").build()))
                .isEqualTo(ErrorCode.TOKEN_INVALIDO);
        assertThat(run(f, MockServerHttpRequest.post(path).header("Authorization", "Bearer s3cret").build())).isNull();
    }

    @Test
    void adminIsClosedWhenNoTokenIsConfigured() {
        AccessTokenFilter f = new AccessTokenFilter(props("", List.of()));
        assertThat(run(f, MockServerHttpRequest.post("/api/admin/sync").header("Authorization", "Bearer ").build()))
                .isEqualTo(ErrorCode.TOKEN_INVALIDO);
    }

    @Test
    void deviceTokensGuardEveryPostOutsideAdminWhenConfigured() {
        AccessTokenFilter f = new AccessTokenFilter(props("s3cret", List.of("tablet-1", "tablet-2")));
        String path = "/api/occupation/tomar";
        assertThat(run(f, MockServerHttpRequest.post(path).build())).isEqualTo(ErrorCode.TOKEN_INVALIDO);
        assertThat(run(f, MockServerHttpRequest.post(path).header(AccessTokenFilter.DEVICE_HEADER, "tablet-9").build()))
                .isEqualTo(ErrorCode.TOKEN_INVALIDO);
        assertThat(run(f, MockServerHttpRequest.post(path).header(AccessTokenFilter.DEVICE_HEADER, "tablet-2").build()))
                .isNull();
        assertThat(run(f, MockServerHttpRequest.get("/api/workers").build())).as("reads stay open").isNull();
    }

    @Test
    void withoutDeviceTokensPostsAreOpen() {
        AccessTokenFilter f = new AccessTokenFilter(props("s3cret", List.of()));
        assertThat(run(f, MockServerHttpRequest.post("/api/occupation/tomar").build())).isNull();
    }
}
