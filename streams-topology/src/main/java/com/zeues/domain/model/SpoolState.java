package com.zeues.domain.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * Everything the system knows about one spool: master data from the sheet plus the state its commands
 * built. This is the value of the {@code spools} state store; {@link SpoolView} is what clients see.
 * {@code fila} is the spool's row in the sheet (master data, null when unknown).
 */
public record SpoolState(
        String tagSpool,
        String nv,
        String ot,
        LocalDate fechaMateriales,
        LocalDate fechaArmado,
        LocalDate fechaSoldadura,
        LocalDate fechaQcMetrologia,
        LocalDate fechaRechazo,
        WorkerRef armador,
        WorkerRef soldador,
        Occupation occupation,
        OpEstado arm,
        OpEstado sold,
        MetrologiaEstado metrologia,
        ReparacionEstado reparacion,
        int ciclo,
        long version,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer fila) {

    /** Rejections allowed before a spool is blocked. */
    public static final int MAX_CICLOS = 3;

    public SpoolState {
        arm = arm == null ? OpEstado.PENDIENTE : arm;
        sold = sold == null ? OpEstado.PENDIENTE : sold;
        metrologia = metrologia == null ? MetrologiaEstado.PENDIENTE : metrologia;
    }

    /** A spool the system never changed, with only its master data. */
    public static SpoolState fresh(String tagSpool, String nv, String ot, LocalDate fechaMateriales) {
        return new Builder().tagSpool(tagSpool).nv(nv).ot(ot).fechaMateriales(fechaMateriales).build();
    }

    public boolean occupied() {
        return occupation != null;
    }

    public boolean bloqueado() {
        return reparacion == ReparacionEstado.BLOQUEADO;
    }

    /** State of ARM or SOLD. */
    public OpEstado estadoDe(Operacion op) {
        return switch (op) {
            case ARM -> arm;
            case SOLD -> sold;
            default -> throw new IllegalArgumentException(op + " has no production state");
        };
    }

    /** Who first took ARM or SOLD. */
    public WorkerRef iniciadorDe(Operacion op) {
        return switch (op) {
            case ARM -> armador;
            case SOLD -> soldador;
            default -> null;
        };
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Copy-and-change for a record with many fields. */
    public static final class Builder {
        private String tagSpool;
        private String nv;
        private String ot;
        private LocalDate fechaMateriales;
        private LocalDate fechaArmado;
        private LocalDate fechaSoldadura;
        private LocalDate fechaQcMetrologia;
        private LocalDate fechaRechazo;
        private WorkerRef armador;
        private WorkerRef soldador;
        private Occupation occupation;
        private OpEstado arm = OpEstado.PENDIENTE;
        private OpEstado sold = OpEstado.PENDIENTE;
        private MetrologiaEstado metrologia = MetrologiaEstado.PENDIENTE;
        private ReparacionEstado reparacion;
        private int ciclo;
        private long version;
        private Integer fila;

        public Builder() {
        }

        private Builder(SpoolState s) {
            tagSpool = s.tagSpool;
            nv = s.nv;
            ot = s.ot;
            fechaMateriales = s.fechaMateriales;
            fechaArmado = s.fechaArmado;
            fechaSoldadura = s.fechaSoldadura;
            fechaQcMetrologia = s.fechaQcMetrologia;
            fechaRechazo = s.fechaRechazo;
            armador = s.armador;
            soldador = s.soldador;
            occupation = s.occupation;
            arm = s.arm;
            sold = s.sold;
            metrologia = s.metrologia;
            reparacion = s.reparacion;
            ciclo = s.ciclo;
            version = s.version;
            fila = s.fila;
        }

        public Builder tagSpool(String v) { tagSpool = v; return this; }
        public Builder nv(String v) { nv = v; return this; }
        public Builder ot(String v) { ot = v; return this; }
        public Builder fechaMateriales(LocalDate v) { fechaMateriales = v; return this; }
        public Builder fechaArmado(LocalDate v) { fechaArmado = v; return this; }
        public Builder fechaSoldadura(LocalDate v) { fechaSoldadura = v; return this; }
        public Builder fechaQcMetrologia(LocalDate v) { fechaQcMetrologia = v; return this; }
        public Builder fechaRechazo(LocalDate v) { fechaRechazo = v; return this; }
        public Builder armador(WorkerRef v) { armador = v; return this; }
        public Builder soldador(WorkerRef v) { soldador = v; return this; }
        public Builder occupation(Occupation v) { occupation = v; return this; }
        public Builder arm(OpEstado v) { arm = v; return this; }
        public Builder sold(OpEstado v) { sold = v; return this; }
        public Builder metrologia(MetrologiaEstado v) { metrologia = v; return this; }
        public Builder reparacion(ReparacionEstado v) { reparacion = v; return this; }
        public Builder ciclo(int v) { ciclo = v; return this; }
        public Builder version(long v) { version = v; return this; }
        public Builder fila(Integer v) { fila = v; return this; }

        /** Sets ARM's or SOLD's state. */
        public Builder estado(Operacion op, OpEstado v) {
            return op == Operacion.ARM ? arm(v) : sold(v);
        }

        /** Sets ARM's armador or SOLD's soldador. */
        public Builder iniciador(Operacion op, WorkerRef v) {
            return op == Operacion.ARM ? armador(v) : soldador(v);
        }

        public SpoolState build() {
            return new SpoolState(tagSpool, nv, ot, fechaMateriales, fechaArmado, fechaSoldadura,
                    fechaQcMetrologia, fechaRechazo, armador, soldador, occupation, arm, sold, metrologia,
                    reparacion, ciclo, version, fila);
        }
    }
}
