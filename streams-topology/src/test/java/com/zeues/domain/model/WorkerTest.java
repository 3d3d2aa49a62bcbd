package com.zeues.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Contract §1, worker names: initials of the first word of Nombre and Apellido, accents kept, then (id). */
class WorkerTest {

    @Test
    void nombreCompletoIsBothInitialsAndId() {
        assertThat(new Worker(93, "Mauricio", "Rodriguez", List.of("Armador"), true).nombreCompleto())
                .isEqualTo("MR(93)");
    }

    @Test
    void nombreCompletoUsesOnlyTheFirstWordOfEach() {
        assertThat(new Worker(94, "Juan Carlos", "Pérez López", List.of(), true).nombreCompleto()).isEqualTo("JP(94)");
    }

    @Test
    void nombreCompletoKeepsAccentsAndUpperCasesThem() {
        assertThat(new Worker(5, "Álvaro", "Ñuñez", List.of(), true).nombreCompleto()).isEqualTo("ÁÑ(5)");
        assertThat(new Worker(6, "álvaro", "éter", List.of(), true).nombreCompleto()).isEqualTo("ÁÉ(6)");
        assertThat(new Worker(7, "óscar", "úbeda", List.of(), true).nombreCompleto()).isEqualTo("ÓÚ(7)");
    }

    @Test
    void nombreCompletoIgnoresSurroundingBlanksAndLowerCase() {
        assertThat(new Worker(8, "  mauricio andrés ", "\trodriguez", List.of(), true).nombreCompleto())
                .isEqualTo("MR(8)");
    }

    @Test
    void nombreCompletoWithAMissingApellido() {
        assertThat(new Worker(9, "Mauricio", "", List.of(), true).nombreCompleto()).isEqualTo("M(9)");
        assertThat(new Worker(10, null, null, null, true).nombreCompleto()).isEqualTo("(10)");
    }

    @Test
    void nombreAndApellidoKeepTheSheetText() {
        Worker w = new Worker(94, "Juan Carlos", "Pérez López", List.of("Armador"), true);
        assertThat(w.nombre()).isEqualTo("Juan Carlos");
        assertThat(w.apellido()).isEqualTo("Pérez López");
        assertThat(WorkerRef.of(w)).isEqualTo(new WorkerRef(94, "JP(94)"));
    }

    @Test
    void rolesAreMatchedExactly() {
        Worker w = new Worker(1, "A", "B", List.of("Armador", "Pintura"), true);
        assertThat(w.hasAnyRole(List.of("Soldador", "Armador"))).isTrue();
        assertThat(w.hasAnyRole(List.of("armador"))).isFalse();
        assertThat(new Worker(2, "A", "B", null, true).roles()).isEmpty();
    }

    @Test
    void syncMarkerIsRecognised() {
        assertThat(Worker.marker(42).isSyncMarker()).isTrue();
        assertThat(new Worker(1, "A", "B", List.of(), true).isSyncMarker()).isFalse();
    }
}
