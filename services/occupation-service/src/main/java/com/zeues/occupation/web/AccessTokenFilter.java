package com.zeues.occupation.web;

import com.zeues.domain.model.ErrorCode;
import com.zeues.occupation.config.ZeuesProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Contract §8: {@code /api/admin/**} needs the admin bearer token; when device tokens are configured, every
 * other POST under {@code /api} needs one in {@code X-Device-Token}. Tokens are compared in constant time.
 */
@Component
public class AccessTokenFilter implements WebFilter, Ordered {

    public static final String DEVICE_HEADER = "X-Device-Token";

    private final byte[] adminToken;
    private final List<byte[]> deviceTokens;

    public AccessTokenFilter(ZeuesProperties props) {
        String admin = props.access().adminToken();
        this.adminToken = admin == null || admin.isBlank() ? null : admin.strip().getBytes(StandardCharsets.UTF_8);
        this.deviceTokens = props.access().deviceTokens().stream().filter(t -> t != null && !t.isBlank())
                .map(t -> t.strip().getBytes(StandardCharsets.UTF_8)).toList();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        HttpHeaders headers = exchange.getRequest().getHeaders();
        if (path.startsWith("/api/admin/") || path.equals("/api/admin")) {
            String auth = headers.getFirst(HttpHeaders.AUTHORIZATION);
            String presented = auth != null && auth.startsWith("Bearer ") ? auth.substring(7).strip() : null;
            if (adminToken == null || presented == null || !matches(adminToken, presented)) {
                return Mono.error(new ApiException(ErrorCode.TOKEN_INVALIDO,
                        "Token de administración inválido o ausente para " + path));
            }
        } else if (!deviceTokens.isEmpty() && HttpMethod.POST.equals(exchange.getRequest().getMethod())
                && path.startsWith("/api/")) {
            String presented = headers.getFirst(DEVICE_HEADER);
            if (presented == null || deviceTokens.stream().noneMatch(t -> matches(t, presented.strip()))) {
                return Mono.error(new ApiException(ErrorCode.TOKEN_INVALIDO,
                        "Token de dispositivo inválido o ausente (" + DEVICE_HEADER + ") para " + path));
            }
        }
        return chain.filter(exchange);
    }

    private static boolean matches(byte[] expected, String presented) {
        return MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }
}
