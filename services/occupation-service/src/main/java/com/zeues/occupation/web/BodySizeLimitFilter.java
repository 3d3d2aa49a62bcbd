package com.zeues.occupation.web;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.server.PayloadTooLargeException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a body declared larger than 64 KB with a 413 — after reading and discarding it, so the client gets
 * the answer instead of a connection reset while it is still sending. Undeclared (chunked) bodies are
 * capped by the codec's 64 KB limit.
 */
@Component
public class BodySizeLimitFilter implements WebFilter, Ordered {

    public static final long LIMIT = 64 * 1024;
    /** Beyond this a body is not worth draining: the connection is simply closed. */
    private static final long DRAIN_LIMIT = 64L * 1024 * 1024;

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long length = exchange.getRequest().getHeaders().getContentLength();
        if (length <= LIMIT) {
            return chain.filter(exchange);
        }
        PayloadTooLargeException tooLarge = new PayloadTooLargeException(null);
        if (length > DRAIN_LIMIT) {
            return Mono.error(tooLarge);
        }
        return exchange.getRequest().getBody()
                .doOnNext(DataBufferUtils::release)
                .then(Mono.error(tooLarge));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
