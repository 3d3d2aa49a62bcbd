package com.zeues.occupation.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.zeues.domain.model.ErrorCode;
import com.zeues.occupation.config.ZeuesProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Contract §8: admin bearer token, device tokens on POSTs outside admin; paths judged as the router matches them;
 * tokens from files re-read on change; refusals counted.
 */
class AccessTokenFilterTest {

    @TempDir
    Path dir;

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    AccessTokenFilter filter(ZeuesProperties props) {
        return new AccessTokenFilter(props, meters);
    }

    double denied(String kind, String reason) {
        return meters.get(AccessTokenFilter.DENIED_METRIC).tag("kind", kind).tag("reason", reason).counter().count();
    }

    static MockServerHttpRequest post(String rawPath, String... headers) {
        MockServerHttpRequest.BaseBuilder<?> b = MockServerHttpRequest.method(HttpMethod.POST, URI.create(rawPath));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return b.build();
    }

    static Path write(Path file, String content) throws IOException {
        // as the launcher does: a new file moved over the old one
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        return Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static ZeuesProperties props(String admin, List<String> devices) {
        return props(new ZeuesProperties.Access(admin, null, devices, null));
    }

    static ZeuesProperties props(ZeuesProperties.Access access) {
        return new ZeuesProperties("x:9092", "./data", "test", ZoneId.of("America/Santiago"),
                new ZeuesProperties.Topics("", 6, 4, (short) 1),
                new ZeuesProperties.Streams("app", Duration.ofMillis(10), null, Duration.ofHours(8),
                        Duration.ofSeconds(30), Duration.ofHours(24), 1L, null, 0, 10_000L, Duration.ofSeconds(3)),
                new ZeuesProperties.Commands(Duration.ofSeconds(5), 0, 10, Duration.ofSeconds(10), Duration.ofSeconds(2)),
                access,
                new ZeuesProperties.Cors(List.of("http://localhost:[*]"), Duration.ofHours(1)),
                ZeuesProperties.Views.defaults());
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
        AccessTokenFilter f = filter(props("s3cret", List.of()));
        String path = "/api/admin/spools/TEST-01/liberar";
        assertThat(run(f, post(path))).isEqualTo(ErrorCode.TOKEN_INVALIDO);
        assertThat(run(f, post(path, "Authorization", "Bearer wrong"))).isEqualTo(ErrorCode.TOKEN_INVALIDO);
        assertThat(run(f, post(path, "Authorization", "Bearer s3cret-and-more"))).isEqualTo(ErrorCode.TOKEN_INVALIDO);
        assertThat(run(f, post(path, "Authorization", "Bearer s3cre"))).isEqualTo(ErrorCode.TOKEN_INVALIDO);
        assertThat(run(f, post(path, "Authorization", "Basic s3cret"))).isEqualTo(ErrorCode.TOKEN_INVALIDO);
        assertThat(run(f, post(path, "Authorization", "s3cret"))).isEqualTo(ErrorCode.TOKEN_INVALIDO);
        assertThat(run(f, post(path, "Authorization", "Bearer s3cret"))).isNull();
        assertThat(run(f, post(path, "Authorization", "bearer s3cret"))).as("the scheme is case-insensitive").isNull();
        assertThat(run(f, MockServerHttpRequest.get("/api/admin/anything").build()))
                .as("every method under admin").isEqualTo(ErrorCode.TOKEN_INVALIDO);
        assertThat(run(f, MockServerHttpRequest.get("/api/admin").build())).isEqualTo(ErrorCode.TOKEN_INVALIDO);
    }

    @Test
    void adminIsClosedWhenNoTokenIsConfigured() {
        AccessTokenFilter f = filter(props("", List.of()));
        assertThat(run(f, post("/api/admin/sync", "Authorization", "Bearer "))).isEqualTo(ErrorCode.TOKEN_INVALIDO);
        assertThat(run(f, post("/api/admin/sync", "Authorization", "Bearer  "))).isEqualTo(ErrorCode.TOKEN_INVALIDO);
        AccessTokenFilter none = filter(props(null, List.of()));
        assertThat(run(none, post("/api/admin/sync", "Authorization", "Bearer null")))
                .isEqualTo(ErrorCode.TOKEN_INVALIDO);
    }

    @Test
    void theAdminPathIsJudgedAsTheRouterMatchesIt() {
        AccessTokenFilter f = filter(props("s3cret", List.of()));
        // each of these reaches the admin handlers through Spring's path matching (decoded, ;params dropped)
        for (String sneaky : List.of("/api/%61dmin/sync", "/api/admin;x=1/sync", "/api;v=1/admin/sync",
                "/%61pi/admin/sync", "/api/ADMIN/sync", "/api//admin/sync", "/./api/admin/sync", "/api/./admin/sync",
                "/api/x/../admin/sync", "/api/occupation/..%2Fadmin/sync", "/api/admin%2Fsync", "/api/admin/")) {
            assertThat(run(f, post(sneaky))).as(sneaky).isEqualTo(ErrorCode.TOKEN_INVALIDO);
        }
        assertThat(run(f, post("/api/administracion"))).as("only the admin segment").isNull();
        assertThat(run(f, post("/api/workers/admin"))).isNull();
    }

    @Test
    void deviceTokensGuardEveryPostOutsideAdminWhenConfigured() {
        AccessTokenFilter f = filter(props("s3cret", List.of("tablet-1", "tablet-2")));
        String path = "/api/occupation/tomar";
        assertThat(run(f, post(path))).isEqualTo(ErrorCode.TOKEN_INVALIDO);
        assertThat(run(f, post(path, AccessTokenFilter.DEVICE_HEADER, ""))).isEqualTo(ErrorCode.TOKEN_INVALIDO);
        assertThat(run(f, post(path, AccessTokenFilter.DEVICE_HEADER, "tablet-9"))).isEqualTo(ErrorCode.TOKEN_INVALIDO);
        assertThat(run(f, post(path, AccessTokenFilter.DEVICE_HEADER, "tablet-"))).isEqualTo(ErrorCode.TOKEN_INVALIDO);
        assertThat(run(f, post(path, AccessTokenFilter.DEVICE_HEADER, "tablet-22")))
                .isEqualTo(ErrorCode.TOKEN_INVALIDO);
        assertThat(run(f, post(path, AccessTokenFilter.DEVICE_HEADER, "TABLET-2"))).isEqualTo(ErrorCode.TOKEN_INVALIDO);
        assertThat(run(f, post(path, "Authorization", "Bearer s3cret")))
                .as("the admin token is not a device token").isEqualTo(ErrorCode.TOKEN_INVALIDO);
        assertThat(run(f, post(path, AccessTokenFilter.DEVICE_HEADER, "tablet-2"))).isNull();
        assertThat(run(f, post(path, AccessTokenFilter.DEVICE_HEADER, "tablet-1"))).isNull();
        assertThat(run(f, post(path, AccessTokenFilter.DEVICE_HEADER, " tablet-1 "))).isNull();
        for (String other : List.of("/api/metrologia/completar", "/api/tomar-reparacion", "/api/no-such-route",
                "/%61pi/occupation/tomar", "/api;x/occupation/tomar", "/API/occupation/tomar")) {
            assertThat(run(f, post(other))).as(other).isEqualTo(ErrorCode.TOKEN_INVALIDO);
        }
        assertThat(run(f, MockServerHttpRequest.get("/api/workers").build())).as("reads stay open").isNull();
        assertThat(run(f, post("/not-the-api"))).as("only the API").isNull();
        assertThat(run(f, post("/api/admin/sync", AccessTokenFilter.DEVICE_HEADER, "tablet-1")))
                .as("admin needs the admin token, not a device token").isEqualTo(ErrorCode.TOKEN_INVALIDO);
        assertThat(run(f, post("/api/admin/sync", "Authorization", "Bearer s3cret")))
                .as("admin does not need a device token").isNull();
    }

    @Test
    void withoutDeviceTokensPostsAreOpen() {
        AccessTokenFilter f = filter(props("s3cret", List.of()));
        assertThat(run(f, post("/api/occupation/tomar"))).isNull();
        AccessTokenFilter blanks = filter(props("s3cret", List.of("", " ")));
        assertThat(run(blanks, post("/api/occupation/tomar"))).as("blank entries are no tokens").isNull();
    }

    @Test
    void refusalsAreCountedByKindAndReason() {
        AccessTokenFilter f = filter(props("s3cret", List.of("tablet-1")));
        assertThat(denied("admin", "missing")).isZero();
        run(f, post("/api/admin/sync"));
        run(f, post("/api/admin/sync", "Authorization", "Bearer nope"));
        run(f, post("/api/admin/sync", "Authorization", "Bearer nope"));
        run(f, post("/api/occupation/tomar"));
        run(f, post("/api/occupation/tomar", AccessTokenFilter.DEVICE_HEADER, "nope"));
        run(f, post("/api/occupation/tomar", AccessTokenFilter.DEVICE_HEADER, "tablet-1"));
        run(f, post("/api/admin/sync", "Authorization", "Bearer s3cret"));
        assertThat(denied("admin", "missing")).isEqualTo(1);
        assertThat(denied("admin", "invalid")).isEqualTo(2);
        assertThat(denied("device", "missing")).isEqualTo(1);
        assertThat(denied("device", "invalid")).isEqualTo(1);
    }

    @Test
    void theAdminTokenFileIsReReadWhenItChanges() throws IOException {
        Path file = write(dir.resolve("admin-token"), "first-token\n");
        AccessTokenFilter f = filter(props(new ZeuesProperties.Access("inline-token", file.toString(), List.of(),
                null)));
        String path = "/api/admin/sync";
        assertThat(run(f, post(path, "Authorization", "Bearer first-token"))).isNull();
        assertThat(run(f, post(path, "Authorization", "Bearer inline-token")))
                .as("the file replaces the inline token").isEqualTo(ErrorCode.TOKEN_INVALIDO);

        write(file, "second-token\n");
        assertThat(run(f, post(path, "Authorization", "Bearer first-token"))).isEqualTo(ErrorCode.TOKEN_INVALIDO);
        assertThat(run(f, post(path, "Authorization", "Bearer second-token"))).isNull();

        write(file, "# rotation in progress: both work until the old line is removed\nsecond-token\nthird-token\n");
        assertThat(run(f, post(path, "Authorization", "Bearer second-token"))).isNull();
        assertThat(run(f, post(path, "Authorization", "Bearer third-token"))).isNull();
        assertThat(run(f, post(path, "Authorization", "Bearer # rotation in progress: both work until the old "
                + "line is removed"))).as("comments are no tokens").isEqualTo(ErrorCode.TOKEN_INVALIDO);

        Files.writeString(file, "fourth-token", StandardCharsets.UTF_8); // rewritten in place, not moved
        assertThat(run(f, post(path, "Authorization", "Bearer third-token"))).isEqualTo(ErrorCode.TOKEN_INVALIDO);
        assertThat(run(f, post(path, "Authorization", "Bearer fourth-token"))).isNull();

        write(file, "\n  \n");
        assertThat(run(f, post(path, "Authorization", "Bearer fourth-token")))
                .as("an emptied file closes admin").isEqualTo(ErrorCode.TOKEN_INVALIDO);
        Files.delete(file);
        assertThat(run(f, post(path, "Authorization", "Bearer fourth-token")))
                .as("a deleted file closes admin").isEqualTo(ErrorCode.TOKEN_INVALIDO);
        write(file, "fifth-token\n");
        assertThat(run(f, post(path, "Authorization", "Bearer fifth-token"))).as("and it reopens").isNull();
    }

    @Test
    void aMissingAdminTokenFileAtStartClosesAdminUntilItAppears() throws IOException {
        Path file = dir.resolve("not-yet");
        AccessTokenFilter f = filter(props(new ZeuesProperties.Access(null, file.toString(), List.of(), null)));
        assertThat(run(f, post("/api/admin/sync", "Authorization", "Bearer x"))).isEqualTo(ErrorCode.TOKEN_INVALIDO);
        write(file, "x\n");
        assertThat(run(f, post("/api/admin/sync", "Authorization", "Bearer x"))).isNull();
    }

    @Test
    void theDeviceTokensFileIsReReadAndAnEmptyOneRefusesEveryPost() throws IOException {
        Path file = write(dir.resolve("devices"), "# one per line\ntablet-1\n\ntablet-2\n");
        AccessTokenFilter f = filter(props(new ZeuesProperties.Access("s3cret", null, List.of("inline"),
                file.toString())));
        String path = "/api/occupation/tomar";
        assertThat(run(f, post(path, AccessTokenFilter.DEVICE_HEADER, "tablet-1"))).isNull();
        assertThat(run(f, post(path, AccessTokenFilter.DEVICE_HEADER, "tablet-2"))).isNull();
        assertThat(run(f, post(path, AccessTokenFilter.DEVICE_HEADER, "inline"))).isEqualTo(ErrorCode.TOKEN_INVALIDO);

        write(file, "tablet-2\n");
        assertThat(run(f, post(path, AccessTokenFilter.DEVICE_HEADER, "tablet-1"))).as("revoked")
                .isEqualTo(ErrorCode.TOKEN_INVALIDO);
        assertThat(run(f, post(path, AccessTokenFilter.DEVICE_HEADER, "tablet-2"))).isNull();

        write(file, "");
        assertThat(run(f, post(path))).as("an empty file never opens the API").isEqualTo(ErrorCode.TOKEN_INVALIDO);
        assertThat(run(f, post(path, AccessTokenFilter.DEVICE_HEADER, "tablet-2"))).isEqualTo(ErrorCode.TOKEN_INVALIDO);
        assertThat(run(f, MockServerHttpRequest.get("/api/workers").build())).as("reads stay open").isNull();
    }
}
