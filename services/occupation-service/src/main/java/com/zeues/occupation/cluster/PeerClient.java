package com.zeues.occupation.cluster;

import com.zeues.occupation.config.ZeuesProperties;
import com.zeues.occupation.streams.StoresUnavailableException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientException;
import reactor.core.publisher.Mono;

/**
 * Asks the instance that owns a spool's stores (a GET on the same path) and hands its answer back as is. A request
 * that was already forwarded is never forwarded again: while the partitions move, that is a 503, not a loop.
 */
@Component
public class PeerClient {

    /** Set on a forwarded request: the instance that forwarded it. */
    public static final String FORWARDED_BY = "X-Zeues-Forwarded-By";

    private final WebClient web = WebClient.builder()
            .codecs(c -> c.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
            .build();
    private final InstanceAddress address;
    private final Duration timeout;

    public PeerClient(InstanceAddress address, ZeuesProperties props) {
        this.address = address;
        this.timeout = props.streams().peerTimeout();
    }

    public static boolean wasForwarded(ServerHttpRequest request) {
        return request.getHeaders().containsHeader(FORWARDED_BY);
    }

    /** The owner's answer to the same GET (status and JSON body); 503 when it does not answer in time. */
    public Mono<ResponseEntity<Object>> forward(HostInfo owner, ServerHttpRequest request) {
        return get(owner, request.getPath().value()).map(answer -> ResponseEntity.status(answer.getStatusCode())
                .contentType(MediaType.APPLICATION_JSON)
                .body((Object) answer.getBody()));
    }

    /** A GET of {@code path} (already URL-encoded) on {@code owner}, the body as bytes. */
    public Mono<ResponseEntity<byte[]>> get(HostInfo owner, String path) {
        URI uri = URI.create("http://" + InstanceAddress.text(owner) + path);
        return web.get().uri(uri)
                .accept(MediaType.APPLICATION_JSON)
                .header(FORWARDED_BY, InstanceAddress.text(address.self()))
                .exchangeToMono(r -> r.bodyToMono(byte[].class).defaultIfEmpty(new byte[0])
                        .map(body -> ResponseEntity.status(r.statusCode()).body(body)))
                .timeout(timeout)
                .onErrorMap(e -> e instanceof WebClientException || e instanceof TimeoutException,
                        e -> new StoresUnavailableException("the instance that holds this spool does not answer"));
    }
}
