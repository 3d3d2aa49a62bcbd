package com.zeues.occupation.web;

import com.zeues.domain.model.ErrorCode;
import com.zeues.domain.verdict.VerdictBodies;
import com.zeues.occupation.api.ValidationException;
import com.zeues.occupation.streams.StoresUnavailableException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.PayloadTooLargeException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error the web layer can raise, framework ones included, answered with the contract's one body
 * shape. Nothing here leaks a stack trace or a class name; a 500 is logged with what failed.
 */
@Component
@Order(-2) // before Boot's default error handler
public class ApiErrorHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

    private final JsonMapper json;

    public ApiErrorHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(ex);
        }
        Map<String, Object> body = body(exchange, ex);
        ErrorCode code = ErrorCode.valueOf((String) body.get("error"));
        response.setStatusCode(HttpStatus.valueOf(code.status()));
        // whatever a handler had set for its own answer does not describe this one
        response.getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
        response.getHeaders().remove(HttpHeaders.CONTENT_DISPOSITION);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        if (ex instanceof MethodNotAllowedException m && !m.getSupportedMethods().isEmpty()) {
            response.getHeaders().setAllow(m.getSupportedMethods());
        }
        byte[] bytes = json.writeValueAsBytes(body);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }

    /**
     * The request path as shown in a message: at most 200 characters, so an error never echoes a huge URI back.
     * (The JSON encoder escapes it; the body is never HTML.)
     */
    static String shownPath(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().value();
        return path.length() <= 200 ? path : path.substring(0, 200) + "…";
    }

    private Map<String, Object> body(ServerWebExchange exchange, Throwable ex) {
        String path = shownPath(exchange);
        String method = exchange.getRequest().getMethod().name();
        if (ex instanceof ValidationException v) {
            return VerdictBodies.error(ErrorCode.VALIDATION_ERROR, v.getMessage(), v.errors(), null);
        }
        if (ex instanceof ApiException a) {
            return VerdictBodies.error(a.code(), a.getMessage(), null);
        }
        if (ex instanceof StoresUnavailableException) {
            return VerdictBodies.error(ErrorCode.SERVICIO_NO_DISPONIBLE,
                    "Servicio no disponible: los datos aún se están cargando (" + path + ")", null);
        }
        if (tooLarge(ex)) {
            return VerdictBodies.error(ErrorCode.PAYLOAD_TOO_LARGE,
                    "El cuerpo de la solicitud supera el máximo de 64 KB (" + method + " " + path + ")", null);
        }
        if (ex instanceof UnsupportedMediaTypeStatusException) {
            return VerdictBodies.error(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "Tipo de contenido no soportado en " + method + " " + path + ": use application/json", null);
        }
        if (ex instanceof NotAcceptableStatusException) {
            return VerdictBodies.error(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "Esta API responde application/json (" + method + " " + path + ")", null);
        }
        if (ex instanceof MethodNotAllowedException) {
            return VerdictBodies.error(ErrorCode.METHOD_NOT_ALLOWED,
                    "Método " + method + " no permitido en " + path, null);
        }
        if (ex instanceof ServerWebInputException) {
            return VerdictBodies.error(ErrorCode.VALIDATION_ERROR,
                    "Solicitud inválida: el cuerpo no es JSON válido o un parámetro no tiene el formato esperado ("
                            + method + " " + path + ")",
                    java.util.List.of(Map.of("field", "body", "message", "JSON inválido o parámetro mal formado",
                            "loc", java.util.List.of("body"), "msg", "JSON inválido o parámetro mal formado",
                            "type", "value_error")), null);
        }
        if (ex instanceof ResponseStatusException rse) {
            // a plain ResponseStatusException (e.g. a 415 from form parsing) is mapped by its status: never a 500
            switch (rse.getStatusCode().value()) {
                case 404:
                    return VerdictBodies.error(ErrorCode.NOT_FOUND, "Recurso no encontrado: " + method + " " + path,
                            null);
                case 405:
                    return VerdictBodies.error(ErrorCode.METHOD_NOT_ALLOWED, "Método " + method + " no permitido en "
                            + path, null);
                case 406:
                case 415:
                    return VerdictBodies.error(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Tipo de contenido no soportado en "
                            + method + " " + path + ": use application/json", null);
                case 413:
                    return VerdictBodies.error(ErrorCode.PAYLOAD_TOO_LARGE, "El cuerpo de la solicitud supera el "
                            + "máximo de 64 KB (" + method + " " + path + ")", null);
                case 503:
                    return VerdictBodies.error(ErrorCode.SERVICIO_NO_DISPONIBLE, "Servicio no disponible (" + path
                            + ")", null);
                default:
                    if (rse.getStatusCode().is4xxClientError()) {
                        // any other refusal of the request by the framework is about its shape: the contract's 422
                        return VerdictBodies.error(ErrorCode.VALIDATION_ERROR, "Solicitud inválida (" + method + " "
                                + path + ")", null);
                    }
            }
        }
        log.error("unexpected error on {} {}", method, path, ex);
        return VerdictBodies.error(ErrorCode.ERROR_INTERNO,
                "Error interno en " + method + " " + path + "; no se aplicó ningún cambio", null);
    }

    private static boolean tooLarge(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof DataBufferLimitException || t instanceof PayloadTooLargeException) {
                return true;
            }
        }
        return false;
    }
}
