package com.zeues.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The command line of a child JVM: {@code [setsid] java <options> -jar <jar>}.
 *
 * <p>{@code setsid} (util-linux) puts the child in its own session, so that Ctrl-C in the terminal reaches only the
 * launcher, which then stops the children in order (service, connector, emulator, broker) instead of all of them
 * at once. Where there is no {@code setsid} the children share the launcher's process group.
 */
public final class JavaCommand {

    private static final Optional<Path> SETSID = Stream.of("/usr/bin/setsid", "/bin/setsid").map(Path::of)
            .filter(Files::isExecutable).findFirst();

    private JavaCommand() {
    }

    public static List<String> jar(Path jar, List<String> jvmOptions) {
        List<String> cmd = new ArrayList<>();
        SETSID.ifPresent(p -> cmd.add(p.toString()));
        cmd.add(java());
        cmd.addAll(jvmOptions);
        cmd.add("-XX:+ExitOnOutOfMemoryError");
        Optional<ClassDataSharing> cds = ClassDataSharing.beside(jar);
        cds.ifPresent(c -> cmd.add("-XX:SharedArchiveFile=" + c.archive()));
        cmd.add("-jar");
        cmd.add(cds.map(ClassDataSharing::jar).orElse(jar).toAbsolutePath().normalize().toString());
        return cmd;
    }

    /** The {@code java} of the running JVM. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
