package com.zeues.occupation.web;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Serves the live dashboard ({@code static/index.html}) at {@code /}; its CSS and JavaScript are plain static
 * resources beside it. Revalidated on every load so a tablet picks up a new version without a cache clear.
 */
@Configuration(proxyBeanMethods = false)
public class DashboardPageRoute {

    static final Resource INDEX = new ClassPathResource("static/index.html");

    @Bean
    public RouterFunction<ServerResponse> dashboardPage() {
        return RouterFunctions.route(GET("/"), request -> ServerResponse.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache())
                .bodyValue(INDEX));
    }
}
