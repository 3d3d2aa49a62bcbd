package com.zeues.occupation.sse;

import com.zeues.domain.model.Operacion;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * One connected SSE client: its filters, its own bounded buffer and the thread that feeds it (its connection's
 * event loop). The broadcaster offers it each event on that thread; when the buffer is full (the client does not
 * read fast enough) it is disconnected, alone.
 */
final class SseClient {

    private final String tag;
    private final Operacion operacion;
    private final Executor loop;
    private final Sinks.Many<SseEvent> buffer;
    private final Sinks.Empty<Void> end = Sinks.empty();
    private final Runnable disconnect;

    SseClient(String tag, Operacion operacion, int capacity, Executor loop, Runnable disconnect) {
        this.tag = tag;
        this.operacion = operacion;
        this.loop = loop;
        this.buffer = Sinks.many().unicast().onBackpressureBuffer(new ArrayBlockingQueue<>(Math.max(1, capacity)));
        this.disconnect = disconnect;
    }

    boolean accepts(SseEvent event) {
        return event.matches(tag, operacion);
    }

    /**
     * Hands over one event; false when the client's buffer is full. Called on {@link #loop()} only, so the
     * write that usually follows at once happens on the connection's own thread.
     */
    boolean offer(SseEvent event) {
        return buffer.tryEmitNext(event) != Sinks.EmitResult.FAIL_OVERFLOW;
    }

    /** The thread every event reaches this client on. */
    Executor loop() {
        return loop;
    }

    /** The events offered to this client, until it is dropped or closed. */
    Flux<SseEvent> events() {
        return buffer.asFlux();
    }

    /** Completes when the client is dropped or closed. */
    Mono<Void> ended() {
        return end.asMono();
    }

    /** Ends the stream and closes the connection: the client fell behind by a whole buffer. */
    void drop() {
        end.tryEmitEmpty();
        disconnect.run();
    }

    /** Ends the stream (the instance is stopping). */
    void close() {
        end.tryEmitEmpty();
    }

    String tag() {
        return tag;
    }

    Operacion operacion() {
        return operacion;
    }
}
