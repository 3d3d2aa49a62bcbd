package com.zeues.occupation.web;

import com.zeues.domain.model.ErrorCode;
import com.zeues.occupation.config.ZeuesProperties;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * Cross-origin requests (Spring's {@link CorsWebFilter}) for the origins of {@code zeues.cors.allowed-origins};
 * same-origin requests, the dashboard page's, never need it. A preflight from an allowed origin is answered here;
 * a request or preflight from any other origin gets no CORS header and a 403 {@code NO_AUTORIZADO} in the contract's
 * body. Runs before the token check so that a browser can read a 403 {@code TOKEN_INVALIDO} too.
 */
@Component
public class CorsPolicyFilter extends CorsWebFilter implements Ordered {

    /** Everything a tablet or supervisor page on another origin may send. */
    static final List<String> REQUEST_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.AUTHORIZATION,
            AccessTokenFilter.DEVICE_HEADER, "Idempotency-Key", "Last-Event-ID");

    public CorsPolicyFilter(ZeuesProperties props) {
        super(source(props.cors()), new RefusingCorsProcessor());
    }

    private static UrlBasedCorsConfigurationSource source(ZeuesProperties.Cors cors) {
        CorsConfiguration c = new CorsConfiguration();
        c.setAllowedOriginPatterns(cors.allowedOrigins().stream().filter(o -> o != null && !o.isBlank())
                .map(String::strip).toList());
        c.setAllowedMethods(List.of("GET", "HEAD", "POST"));
        c.setAllowedHeaders(REQUEST_HEADERS);
        c.setAllowCredentials(false); // tokens travel in headers, never in cookies
        c.setMaxAge(cors.maxAge());
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", c);
        return source;
    }

    /**
     * Spring's processor, except that a refusal is answered with the contract's error body instead of an empty
     * 403. Throwing inside the filter turns into an error signal of the chain, which {@link ApiErrorHandler} answers.
     */
    static final class RefusingCorsProcessor extends DefaultCorsProcessor {

        @Override
        protected void rejectRequest(ServerHttpResponse response) {
            throw new ApiException(ErrorCode.NO_AUTORIZADO,
                    "Origen no permitido: este servicio no acepta solicitudes desde ese sitio (CORS)");
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 7;
    }
}
