package com.zeues.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JdkHttpSenderTest {

    final List<HttpServer> servers = new ArrayList<>();

    /** A loopback server that counts its requests and answers {"ok":true}. */
    String server(AtomicInteger hits) throws Exception {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        s.createContext("/", ex -> {
            hits.incrementAndGet();
            byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        s.start();
        servers.add(s);
        return "http://127.0.0.1:" + s.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        servers.forEach(s -> s.stop(0));
    }

    @Test
    void severalUrlsShareTheRequestsInTurn() throws Exception {
        AtomicInteger a = new AtomicInteger();
        AtomicInteger b = new AtomicInteger();
        try (JdkHttpSender http = new JdkHttpSender(server(a) + " , " + server(b), Duration.ofSeconds(5))) {
            for (int i = 0; i < 10; i++) {
                HttpSender.Reply r = i % 2 == 0 ? http.get("/api/health").join()
                        : http.post("/api/occupation/tomar", "{}").join();
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.body().get("ok").asBoolean()).isTrue();
            }
        }
        assertThat(a.get()).isEqualTo(5);
        assertThat(b.get()).isEqualTo(5);
    }

    @Test
    void oneUrlGetsEverything() throws Exception {
        AtomicInteger a = new AtomicInteger();
        try (JdkHttpSender http = new JdkHttpSender(server(a), Duration.ofSeconds(5))) {
            for (int i = 0; i < 3; i++) {
                http.get("/x").join();
            }
        }
        assertThat(a.get()).isEqualTo(3);
    }

    @Test
    void anEmptyListIsRefused() {
        assertThatThrownBy(() -> JdkHttpSender.urls(" , ")).isInstanceOf(IllegalArgumentException.class);
    }
}
