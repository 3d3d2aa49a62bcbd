package com.zeues.local.compose;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The instructions of a Dockerfile that the compose checks need, read line by line (continuations joined, comments
 * dropped). {@code finalStage} holds the instructions after the last {@code FROM}: what the running container gets.
 */
record Dockerfile(Path file, List<String> baseImages, List<Instruction> all, List<Instruction> finalStage) {

    record Instruction(String keyword, String arguments) {
    }

    static Dockerfile read(Path file) {
        List<Instruction> all = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : AppConfiguration.read(file).split("\n", -1)) {
            String line = raw.strip();
            if (current.isEmpty() && (line.isEmpty() || line.startsWith("#"))) {
                continue;
            }
            if (!current.isEmpty() && line.startsWith("#")) {
                continue; // a comment inside a continued instruction
            }
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            current.append(line);
            String instruction = current.toString().strip();
            current.setLength(0);
            int space = instruction.indexOf(' ');
            all.add(new Instruction(instruction.substring(0, space).toUpperCase(Locale.ROOT),
                    instruction.substring(space + 1).strip()));
        }
        List<String> bases = new ArrayList<>();
        int lastFrom = -1;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).keyword().equals("FROM")) {
                bases.add(all.get(i).arguments().split("\\s+")[0]);
                lastFrom = i;
            }
        }
        return new Dockerfile(file, List.copyOf(bases), List.copyOf(all),
                List.copyOf(all.subList(lastFrom + 1, all.size())));
    }

    List<String> finalStage(String keyword) {
        return finalStage.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
    }

    List<String> anyStage(String keyword) {
        return all.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
    }

    /** The final stage's {@code ENV} settings ({@code KEY=value} pairs, unquoted values without spaces). */
    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        for (String args : finalStage("ENV")) {
            for (String pair : args.split("\\s+")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalStateException(file + ": write ENV as KEY=value pairs: " + args);
                }
                env.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return env;
    }

    /** The local files {@code COPY} takes from the build context (not from another stage). */
    List<String> contextSources() {
        List<String> sources = new ArrayList<>();
        for (String args : anyStage("COPY")) {
            if (args.startsWith("--from=")) {
                continue;
            }
            List<String> parts = new ArrayList<>(List.of(args.split("\\s+")));
            parts.removeIf(p -> p.startsWith("--"));
            sources.addAll(parts.subList(0, parts.size() - 1));
        }
        return sources;
    }
}
