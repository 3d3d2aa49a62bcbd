package com.zeues.kafkalocal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** kafka-local's command line: {@code --name value} or {@code --name=value} options, each name known in advance. */
final class Arguments {

    /** What the user gives ({@code --nodes} and the ports) and what a cluster passes to each of its nodes. */
    static final List<String> KNOWN = List.of("--data-dir", "--port", "--controller-port", "--log-level", "--nodes",
            "--node-id", "--controller-ports", "--cluster-id");

    private final Map<String, String> values;

    private Arguments(Map<String, String> values) {
        this.values = values;
    }

    static Arguments parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("missing value after " + arg);
            }
            if (!KNOWN.contains(name)) {
                throw new IllegalArgumentException("unknown argument " + arg + " (known: " + String.join(", ", KNOWN)
                        + ")");
            }
            values.put(name, value);
        }
        return new Arguments(values);
    }

    /** The option's value, else the environment variable's, when either is set and not blank. */
    Optional<String> value(String name, Map<String, String> env, String variable) {
        return value(name).or(() -> Optional.ofNullable(variable == null ? null : env.get(variable))
                .filter(v -> !v.isBlank()));
    }

    Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name)).filter(v -> !v.isBlank());
    }

    boolean has(String name) {
        return value(name).isPresent();
    }

    static int parsePort(String name, String value) {
        return parseInt(name, value, "a port number");
    }

    static int parseInt(String name, String value, String what) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be " + what + ", got '" + value + "'");
        }
    }
}
