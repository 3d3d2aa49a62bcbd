package com.zeues.occupation.web;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Browser security headers on the dashboard page and its static files (every path outside the JSON API, the
 * actuator and the OpenAPI page's webjars): a same-origin-only Content-Security-Policy, no MIME sniffing, no
 * framing, no referrer. Error answers on those paths (404, 405) carry them too: they are set before anything runs.
 * {@code X-Content-Type-Options: nosniff} goes on every answer.
 */
@Component
public class PageSecurityHeadersFilter implements WebFilter, Ordered {

    public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        HttpHeaders h = exchange.getResponse().getHeaders();
        // every answer, JSON included, is served with its true content type: never sniffed
        h.set("X-Content-Type-Options", "nosniff");
        if (!excluded(path)) {
            h.set("Content-Security-Policy", CSP);
            h.set("X-Frame-Options", "DENY");
            h.set("Referrer-Policy", "no-referrer");
        }
        return chain.filter(exchange);
    }

    static boolean excluded(String path) {
        return path.equals("/api") || path.startsWith("/api/") || path.startsWith("/actuator")
                || path.startsWith("/webjars/");
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 5;
    }
}
