package com.zeues.occupation.sse;

import com.zeues.domain.model.Operacion;
import com.zeues.occupation.api.QueryFields;
import com.zeues.occupation.views.ViewConsumer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.server.HttpServerResponse;

/**
 * {@code GET /api/sse/stream} (contract §5). Bad filter values are a 422 before the stream opens; after that the
 * stream stays open whatever Kafka does (its state arrives as {@code event: status}).
 */
@RestController
@Tag(name = "Tiempo real", description = "Server-Sent Events: snapshot, cambios de spools y estado de Kafka")
public class SseController {

    public static final String LAST_EVENT_ID = "Last-Event-ID";

    /** Feeds streams not served by Reactor Netty (none in production; a mock server in a test). */
    private static final Executor FALLBACK_LOOP = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "zeues-sse-fallback");
        t.setDaemon(true);
        return t;
    });

    private final SseBroadcaster broadcaster;
    private final ViewConsumer views;

    public SseController(SseBroadcaster broadcaster, ViewConsumer views) {
        this.broadcaster = broadcaster;
        this.views = views;
    }

    @GetMapping(path = "/api/sse/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Stream en vivo: snapshot de ocupados, luego spool_update por cambio y status de Kafka; "
            + "filtros opcionales tag_spool y operacion; Last-Event-ID repite lo perdido")
    @ApiResponse(responseCode = "200", description = "text/event-stream",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string")))
    public Mono<Void> stream(@RequestParam(name = "tag_spool", required = false) String tag,
                             @RequestParam(required = false) String operacion,
                             @RequestHeader(name = LAST_EVENT_ID, required = false) String lastId,
                             ServerWebExchange exchange) {
        QueryFields q = new QueryFields();
        String t = q.tag("tag_spool", tag);
        Operacion op = q.operacion("operacion", operacion, false);
        q.validate();
        ServerHttpResponse response = exchange.getResponse();
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(MediaType.TEXT_EVENT_STREAM);
        headers.setCacheControl("no-cache");
        headers.set("X-Accel-Buffering", "no");
        HttpServerResponse netty = nettyResponse(response);
        Executor loop = netty == null ? FALLBACK_LOOP : loopOf(netty);
        Flux<SseFrame> frames = broadcaster.stream(t, op, lastId, loop, views.whenCaughtUp(), views.caughtUp(),
                () -> close(netty));
        // frames are encoded once for every client: each connection only wraps the shared bytes. One send for the
        // whole stream: Reactor Netty flushes whenever it has written what was there, so a lone event goes out at
        // once and a burst goes out in one flush (writeAndFlushWith would set up a send per frame)
        DataBufferFactory buffers = response.bufferFactory();
        return response.writeWith(frames.map(f -> buffers.wrap(f.bytes())));
    }

    private static HttpServerResponse nettyResponse(ServerHttpResponse response) {
        Object nativeResponse = ServerHttpResponseDecorator.getNativeResponse(response);
        return nativeResponse instanceof HttpServerResponse netty ? netty : null;
    }

    private static Executor loopOf(HttpServerResponse netty) {
        Executor[] loop = {FALLBACK_LOOP};
        netty.withConnection(c -> loop[0] = c.channel().eventLoop());
        return loop[0];
    }

    /** Closes the client's connection at once (it stopped reading: nothing more could reach it anyway). */
    private static void close(HttpServerResponse netty) {
        if (netty != null) {
            netty.withConnection(Connection::dispose);
        }
    }
}
