package com.zeues.domain.verdict;

import static com.zeues.domain.Fixtures.LUIS;
import static com.zeues.domain.Fixtures.MAURICIO;
import static com.zeues.domain.Fixtures.NOW;
import static com.zeues.domain.Fixtures.TAG;
import static com.zeues.domain.Fixtures.accepted;
import static com.zeues.domain.Fixtures.cmd;
import static org.assertj.core.api.Assertions.assertThat;

import com.zeues.domain.Fixtures;
import com.zeues.domain.Fixtures.Flow;
import com.zeues.domain.json.DomainJson;
import com.zeues.domain.model.CommandType;
import com.zeues.domain.model.ErrorCode;
import com.zeues.domain.model.Operacion;
import com.zeues.domain.model.Resultado;
import com.zeues.domain.model.SpoolEvent;
import com.zeues.domain.rules.ChangeApplier;
import com.zeues.domain.rules.Transition;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Contract §1 error shape and the success bodies of §2.1 and §2.7. */
class VerdictBodiesTest {

    @Test
    void errorShapeRepeatsTheMessageAsDetail() {
        Map<String, Object> body = VerdictBodies.error(ErrorCode.SPOOL_OCCUPIED, "Spool X ocupado por MR(93)",
                Map.of("tag_spool", "X", "owner_id", 93, "owner_name", "MR(93)"));
        assertThat(body.keySet()).containsExactly("success", "error", "message", "detail", "data");
        assertThat(body).containsEntry("success", false).containsEntry("error", "SPOOL_OCCUPIED")
                .containsEntry("message", "Spool X ocupado por MR(93)").containsEntry("detail", "Spool X ocupado por MR(93)")
                .containsEntry("data", Map.of("tag_spool", "X", "owner_id", 93, "owner_name", "MR(93)"));
    }

    @Test
    void errorWithoutDataHasNullData() {
        assertThat(VerdictBodies.error(ErrorCode.ERROR_INTERNO, "boom", null)).containsEntry("data", null);
        assertThat(VerdictBodies.error(ErrorCode.ERROR_INTERNO, "boom", Map.of())).containsEntry("data", null);
    }

    @Test
    void errorWithFieldErrorsAsDetail() {
        List<Map<String, String>> fields = List.of(Map.of("field", "worker_id", "message", "debe ser > 0"));
        Map<String, Object> body = VerdictBodies.error(ErrorCode.VALIDATION_ERROR, "Solicitud inválida", fields, null);
        assertThat(body).containsEntry("detail", fields).containsEntry("message", "Solicitud inválida");
    }

    @Test
    void errorBodyAsJsonKeepsNullsAndOrder() {
        String json = DomainJson.mapper().writeValueAsString(VerdictBodies.error(ErrorCode.NOT_FOUND, "no", null));
        assertThat(json).isEqualTo("{\"success\":false,\"error\":\"NOT_FOUND\",\"message\":\"no\",\"detail\":\"no\",\"data\":null}");
    }

    @Test
    void successOfATake() {
        Transition t = accepted(Fixtures.decide(Fixtures.fresh(), MAURICIO, cmd(CommandType.TOMAR, 93, Operacion.ARM)));
        SpoolEvent e = ChangeApplier.apply(Fixtures.fresh(), t, NOW).event();
        Map<String, Object> body = VerdictBodies.success(e, t.message(), "req-1");
        assertThat(body.keySet()).containsExactly("success", "tag_spool", "operacion", "message", "estado_detalle",
                "version", "request_id");
        assertThat(body).containsEntry("success", true).containsEntry("tag_spool", TAG).containsEntry("operacion", "ARM")
                .containsEntry("message", "Spool " + TAG + " tomado por MR(93)")
                .containsEntry("estado_detalle", "MR(93) trabajando ARM (ARM en progreso, SOLD pendiente)")
                .containsEntry("version", 1L).containsEntry("request_id", "req-1");
    }

    @Test
    void successOfAnInspectionCarriesTheResultado() {
        Flow f = Flow.fresh().listoParaMetrologia();
        Transition t = accepted(f.decide(LUIS, Fixtures.completar(LUIS.id(), Operacion.METROLOGIA, null,
                Resultado.RECHAZADO)));
        SpoolEvent e = ChangeApplier.apply(f.state(), t, NOW).event();
        Map<String, Object> body = VerdictBodies.success(e, t.message(), "req-2");
        assertThat(body).containsKeys("success", "tag_spool", "resultado", "estado_detalle", "message", "version",
                "request_id");
        assertThat(body).containsEntry("resultado", "RECHAZADO")
                .containsEntry("estado_detalle", "RECHAZADO (Ciclo 1/3) - Pendiente reparación")
                .containsEntry("version", 5L);
    }
}
