package com.zeues.occupation.sse;

import com.zeues.domain.model.Operacion;
import com.zeues.occupation.api.QueryFields;
import com.zeues.occupation.views.ViewConsumer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
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

    private final SseBroadcaster broadcaster;
    private final ViewConsumer views;

    public SseController(SseBroadcaster broadcaster, ViewConsumer views) {
        this.broadcaster = broadcaster;
        this.views = views;
    }

    @GetMapping(path = "/api/sse/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Stream en vivo: snapshot de ocupados, luego spool_update por cambio y status de Kafka; "
            + "filtros opcionales tag_spool y operacion; Last-Event-ID repite lo perdido")
    public Flux<ServerSentEvent<String>> stream(@RequestParam(name = "tag_spool", required = false) String tag,
                                                @RequestParam(required = false) String operacion,
                                                @RequestHeader(name = LAST_EVENT_ID, required = false) String lastId,
                                                ServerWebExchange exchange) {
        QueryFields q = new QueryFields();
        String t = q.tag("tag_spool", tag);
        Operacion op = q.operacion("operacion", operacion, false);
        q.validate();
        ServerHttpResponse response = exchange.getResponse();
        HttpHeaders headers = response.getHeaders();
        headers.setCacheControl("no-cache");
        headers.set("X-Accel-Buffering", "no");
        return broadcaster.stream(t, op, lastId, views.whenCaughtUp(), views.caughtUp(), () -> close(response));
    }

    /** Closes the client's connection at once (it stopped reading: nothing more could reach it anyway). */
    private static void close(ServerHttpResponse response) {
        Object nativeResponse = ServerHttpResponseDecorator.getNativeResponse(response);
        if (nativeResponse instanceof HttpServerResponse netty) {
            netty.withConnection(Connection::dispose);
        }
    }
}
