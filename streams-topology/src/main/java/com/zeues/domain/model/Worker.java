package com.zeues.domain.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Locale;

/**
 * A worker of the master data (sheet {@code Trabajadores} joined with {@code Roles}): the value of
 * {@code zeues.workers}, keyed by id.
 *
 * <p>A record with {@code syncId} set, under key {@link #MARKER_KEY}, is the marker the connector writes
 * last in every master-data sync.
 */
public record Worker(int id, String nombre, String apellido, List<String> roles, boolean activo, Long syncId) {

    public static final String MARKER_KEY = "__sync__";

    public Worker(int id, String nombre, String apellido, List<String> roles, boolean activo) {
        this(id, nombre, apellido, roles, activo, null);
    }

    public static Worker marker(long syncId) {
        return new Worker(0, "", "", List.of(), false, syncId);
    }

    @JsonIgnore // derived, not a field of the record on the wire
    public boolean isSyncMarker() {
        return syncId != null;
    }

    public Worker {
        roles = roles == null ? List.of() : List.copyOf(roles);
        nombre = nombre == null ? "" : nombre;
        apellido = apellido == null ? "" : apellido;
    }

    /** Contract §1: initial of the first word of nombre and of apellido, upper case, then (id). */
    public String nombreCompleto() {
        return initial(nombre) + initial(apellido) + "(" + id + ")";
    }

    public boolean hasAnyRole(List<String> wanted) {
        return roles.stream().anyMatch(wanted::contains);
    }

    private static String initial(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return "";
        }
        int first = trimmed.codePointAt(0);
        return new String(Character.toChars(first)).toUpperCase(new Locale("es"));
    }
}
