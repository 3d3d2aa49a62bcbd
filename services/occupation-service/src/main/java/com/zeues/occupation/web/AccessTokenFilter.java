package com.zeues.occupation.web;

import com.zeues.domain.model.ErrorCode;
import com.zeues.occupation.config.ZeuesProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Contract §8: {@code /api/admin/**} needs the admin bearer token; when device tokens are configured, every
 * other POST under {@code /api} needs one in {@code X-Device-Token}. Tokens come from configuration or from files
 * re-read when they change ({@link TokenSet}); every refusal is counted in {@code zeues.access.denied}.
 *
 * <p>The path is judged as the router will match it (percent-decoded, without {@code ;} parameters, dot segments
 * resolved), so {@code /api/%61dmin/sync} or {@code /api/admin;x/sync} cannot reach an admin handler unchecked.
 */
@Component
public class AccessTokenFilter implements WebFilter, Ordered {

    public static final String DEVICE_HEADER = "X-Device-Token";
    public static final String DENIED_METRIC = "zeues.access.denied";

    private static final Logger log = LoggerFactory.getLogger(AccessTokenFilter.class);

    private final TokenSet admin;
    private final TokenSet devices;
    private final Map<String, Counter> denied;

    public AccessTokenFilter(ZeuesProperties props, MeterRegistry meters) {
        ZeuesProperties.Access access = props.access();
        this.admin = blank(access.adminTokenFile())
                ? TokenSet.fixed("admin", access.adminToken() == null ? List.of() : List.of(access.adminToken()))
                : TokenSet.file("admin", Path.of(access.adminTokenFile().strip()));
        this.devices = blank(access.deviceTokensFile())
                ? TokenSet.fixed("device", access.deviceTokens())
                : TokenSet.file("device", Path.of(access.deviceTokensFile().strip()));
        if (!blank(access.adminTokenFile()) && !blank(access.adminToken())) {
            log.warn("both an admin token and an admin token file are configured: the file is used");
        }
        if (!blank(access.deviceTokensFile()) && !access.deviceTokens().stream().allMatch(AccessTokenFilter::blank)) {
            log.warn("both device tokens and a device tokens file are configured: the file is used");
        }
        // registered up front so the series exist (at 0) before the first refusal: alerts can use rate()
        this.denied = Map.of(
                "admin/missing", counter(meters, "admin", "missing"),
                "admin/invalid", counter(meters, "admin", "invalid"),
                "device/missing", counter(meters, "device", "missing"),
                "device/invalid", counter(meters, "device", "invalid"));
    }

    private static Counter counter(MeterRegistry meters, String kind, String reason) {
        return Counter.builder(DENIED_METRIC)
                .description("Requests refused for a missing or wrong admin or device token")
                .tag("kind", kind).tag("reason", reason)
                .register(meters);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        List<String> path = segments(exchange.getRequest().getPath().pathWithinApplication());
        List<String> resolved = resolveDots(path);
        HttpHeaders headers = exchange.getRequest().getHeaders();
        if (startsWith(path, "api", "admin") || startsWith(resolved, "api", "admin")) {
            String auth = headers.getFirst(HttpHeaders.AUTHORIZATION);
            String presented = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7) : null;
            if (!admin.matches(presented)) {
                return refuse("admin", presented, "Token de administración inválido o ausente para "
                        + shown(exchange));
            }
        } else if (HttpMethod.POST.equals(exchange.getRequest().getMethod())
                && (startsWith(path, "api") || startsWith(resolved, "api")) && devices.required()) {
            String presented = headers.getFirst(DEVICE_HEADER);
            if (!devices.matches(presented)) {
                return refuse("device", presented, "Token de dispositivo inválido o ausente (" + DEVICE_HEADER
                        + ") para " + shown(exchange));
            }
        }
        return chain.filter(exchange);
    }

    private Mono<Void> refuse(String kind, String presented, String message) {
        denied.get(kind + (presented == null || presented.isBlank() ? "/missing" : "/invalid")).increment();
        return Mono.error(new ApiException(ErrorCode.TOKEN_INVALIDO, message));
    }

    /**
     * The path's segments as the router sees them: decoded, {@code ;}-parameters dropped, empty and {@code .}
     * segments skipped. Compared case-insensitively: stricter than the router, never looser.
     */
    static List<String> segments(PathContainer path) {
        List<String> out = new ArrayList<>();
        for (PathContainer.Element e : path.elements()) {
            if (e instanceof PathContainer.PathSegment s) {
                // a decoded %2F splits too: an encoded slash never hides a segment
                for (String part : s.valueToMatch().split("/", -1)) {
                    String p = part.strip();
                    if (!p.isEmpty() && !p.equals(".")) {
                        out.add(p);
                    }
                }
            }
        }
        return out;
    }

    /** {@code ..} resolved, as a client or proxy in front of the service might. */
    static List<String> resolveDots(List<String> segments) {
        Deque<String> out = new ArrayDeque<>();
        for (String s : segments) {
            if (s.equals("..")) {
                out.pollLast();
            } else {
                out.addLast(s);
            }
        }
        return new ArrayList<>(out);
    }

    private static boolean startsWith(List<String> path, String... prefix) {
        if (path.size() < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (!path.get(i).equalsIgnoreCase(prefix[i])) {
                return false;
            }
        }
        return true;
    }

    private static String shown(ServerWebExchange exchange) {
        return ApiErrorHandler.shownPath(exchange);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }
}
