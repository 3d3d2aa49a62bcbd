package com.zeues.bench;

import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;

/** Sends one request and completes with the answer (or fails on a transport error). */
interface HttpSender {

    /** An answer: status, parsed body (null when not JSON), and when it arrived ({@code System.nanoTime}). */
    record Reply(int status, JsonNode body, long arrivedNanos) {
    }

    CompletableFuture<Reply> post(String path, String json);

    CompletableFuture<Reply> get(String path);
}
