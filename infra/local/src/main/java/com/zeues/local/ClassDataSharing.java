package com.zeues.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The class-data-sharing archive a Spring Boot module's build leaves beside its jar: the jar extracted to
 * {@code target/cds/<name>.jar} plus {@code <name>.jsa} from a training run. Starting from it roughly halves a
 * service's start-up; without it the launcher runs the fat jar as before.
 */
record ClassDataSharing(Path jar, Path archive) {

    static Optional<ClassDataSharing> beside(Path fatJar) {
        String name = fatJar.getFileName().toString();
        if (!name.endsWith(".jar")) {
            return Optional.empty();
        }
        Path dir = fatJar.toAbsolutePath().getParent().resolve("cds");
        Path jar = dir.resolve(name);
        Path archive = dir.resolve(name.substring(0, name.length() - 4) + ".jsa");
        return Files.isRegularFile(jar) && Files.isRegularFile(archive)
                && !isOlder(archive, fatJar) ? Optional.of(new ClassDataSharing(jar, archive)) : Optional.empty();
    }

    /** An archive older than the jar was trained on other classes: the JVM would reject most of it. */
    private static boolean isOlder(Path archive, Path fatJar) {
        try {
            return Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(fatJar)) < 0;
        } catch (java.io.IOException e) {
            return true;
        }
    }
}
