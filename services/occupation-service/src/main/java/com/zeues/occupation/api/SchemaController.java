package com.zeues.occupation.api;

import com.zeues.domain.model.ErrorCode;
import com.zeues.occupation.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Serves the JSON Schemas the events' {@code ce_dataschema} header points to. */
@RestController
@Tag(name = "Esquemas", description = "JSON Schema de los eventos y de la vista de spool")
public class SchemaController {

    private static final Pattern NAME = Pattern.compile("[a-z0-9-]+-v\\d+\\.json");

    @GetMapping("/api/schemas/{name}")
    @Operation(summary = "Un JSON Schema, p. ej. spool-event-v1.json")
    public ResponseEntity<Resource> schema(@PathVariable String name) {
        Resource r = new ClassPathResource("schemas/" + name);
        if (!NAME.matcher(name).matches() || !r.exists()) {
            throw new ApiException(ErrorCode.NOT_FOUND, "Esquema " + name + " no encontrado");
        }
        return ResponseEntity.ok().contentType(MediaType.valueOf("application/schema+json")).body(r);
    }
}
