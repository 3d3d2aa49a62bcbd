package com.zeues.local;

import com.zeues.local.LocalSettings.Child;
import com.zeues.local.fake.FakeChild;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

/**
 * A repository root for the launcher's tests: the real {@code kafka-local.jar} (linked from this build, when it has
 * been built) and manifest-only jars that run {@link FakeChild} for the emulator, the connector and the service.
 */
final class FakeHome {

    private FakeHome() {
    }

    /** The real broker jar of this build, if {@code infra/kafka-local} has been packaged. */
    static Optional<Path> realKafkaLocalJar() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path jar = dir.resolve("infra/kafka-local/target/kafka-local.jar");
            if (Files.isRegularFile(jar) && Files.isRegularFile(dir.resolve("infra/local/pom.xml"))) {
                return Optional.of(jar);
            }
        }
        return Optional.empty();
    }

    /** A home whose children are fakes, with the real broker jar linked in when {@code kafkaJar} is given. */
    static Path create(Path home, Optional<Path> kafkaJar) throws IOException {
        for (Child child : Child.values()) {
            Path jar = home.resolve(child.jar());
            Files.createDirectories(jar.getParent());
            if (child == Child.KAFKA) {
                if (kafkaJar.isPresent()) {
                    Files.createSymbolicLink(jar, kafkaJar.get());
                } else {
                    Files.createFile(jar);
                }
            } else {
                writeLauncherJar(jar);
            }
        }
        return home;
    }

    /** Jars that exist, but run nothing: enough for the launcher's checks that come before starting children. */
    static Path createEmpty(Path home) throws IOException {
        for (Child child : Child.values()) {
            Path jar = home.resolve(child.jar());
            Files.createDirectories(jar.getParent());
            Files.createFile(jar);
        }
        return home;
    }

    /** A jar with only a manifest: Main-Class FakeChild, Class-Path this JVM's classpath. */
    private static void writeLauncherJar(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.put(Attributes.Name.MAIN_CLASS, FakeChild.class.getName());
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toUri().toString())
                .collect(Collectors.joining(" "));
        attributes.put(Attributes.Name.CLASS_PATH, classPath);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            // the manifest is all there is
        }
    }
}
