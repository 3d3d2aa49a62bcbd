package com.zeues.occupation.views;

import static org.assertj.core.api.Assertions.assertThat;

import com.zeues.domain.model.SpoolState;
import com.zeues.domain.model.SpoolView;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Architecture step 6: one record per spool, ordered by version; master-data updates keep the version. */
class SpoolViewStoreTest {

    static SpoolView view(String tag, long version, String nv, Integer fila) {
        return SpoolView.of(SpoolState.fresh(tag, nv, "OT", LocalDate.of(2026, 1, 10)).toBuilder().version(version)
                .fila(fila).build());
    }

    @Test
    void anEventChangesASpoolOnlyWithAHigherVersion() {
        SpoolViewStore store = new SpoolViewStore();
        assertThat(store.applyEvent(view("A", 2, "NV", 1))).isTrue();
        assertThat(store.applyEvent(view("A", 1, "old", 1))).as("older").isFalse();
        assertThat(store.applyEvent(view("A", 2, "same", 1))).as("the same version again").isFalse();
        assertThat(store.get("A").orElseThrow().nv()).isEqualTo("NV");
        assertThat(store.applyEvent(view("A", 3, "NV", 1))).isTrue();
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void aStateRecordWithTheSameVersionIsAMasterDataUpdate() {
        SpoolViewStore store = new SpoolViewStore();
        store.applyEvent(view("A", 4, "NV", 1));
        assertThat(store.applyState(view("A", 4, "NV-2", 7))).isTrue();
        assertThat(store.get("A").orElseThrow().fila()).isEqualTo(7);
        assertThat(store.applyState(view("A", 3, "NV-old", 1))).as("older state").isFalse();
        // the event of the same version read after the master update does not undo it
        assertThat(store.applyEvent(view("A", 4, "NV", 1))).isFalse();
        assertThat(store.get("A").orElseThrow().nv()).isEqualTo("NV-2");
    }

    @Test
    void theSheetOrderFollowsRowChangesAndHoldsEachSpoolOnce() {
        SpoolViewStore store = new SpoolViewStore();
        SpoolViewStore.Index every = store.index(v -> true);
        store.applyState(view("C", 1, "NV", 3));
        store.applyState(view("A", 1, "NV", 1));
        store.applyState(view("B", 1, "NV", null)); // no row yet: last
        store.applyState(view("D", 1, "NV", 2));
        assertThat(every.inOrder()).extracting(SpoolView::tagSpool).containsExactly("A", "D", "C", "B");

        store.applyState(view("A", 1, "NV", 9)); // moved down the sheet
        store.applyEvent(view("D", 2, "NV-2", 2)); // same row, newer view
        store.applyEvent(view("C", 0, "old", 0)); // older: ignored, keeps its place
        assertThat(every.inOrder()).extracting(SpoolView::tagSpool).containsExactly("D", "C", "A", "B");
        assertThat(every.inOrder()).hasSize(store.size())
                .anySatisfy(v -> assertThat(v.nv()).isEqualTo("NV-2"));
    }

    @Test
    void anIndexFollowsItsRuleAsViewsChangeAndReadsAnyPage() {
        SpoolViewStore store = new SpoolViewStore();
        store.applyState(view("E", 1, "keep", 5));
        SpoolViewStore.Index kept = store.index(v -> v.nv().equals("keep")); // registered after a view: has it
        for (int row = 1; row <= 4; row++) {
            store.applyState(view("S" + row, 1, row % 2 == 0 ? "keep" : "drop", row));
        }
        assertThat(kept.inOrder()).extracting(SpoolView::tagSpool).containsExactly("S2", "S4", "E");
        assertThat(kept.size()).isEqualTo(3);

        store.applyEvent(view("S2", 2, "drop", 2)); // leaves the index
        store.applyEvent(view("S3", 2, "keep", 3)); // joins it
        store.applyState(view("E", 1, "keep", 0)); // stays, moves to the top
        assertThat(kept.inOrder()).extracting(SpoolView::tagSpool).containsExactly("E", "S3", "S4");
        assertThat(kept.size()).isEqualTo(3);
        assertThat(kept.slice(1, 3)).extracting(SpoolView::tagSpool).containsExactly("S3", "S4");
        assertThat(kept.slice(2, 50)).extracting(SpoolView::tagSpool).containsExactly("S4");
        assertThat(kept.slice(7, 9)).isEmpty();
    }
}
