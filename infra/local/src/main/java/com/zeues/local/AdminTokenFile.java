package com.zeues.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The occupation service's admin token: {@code ZEUES_ADMIN_TOKEN} when set, else the one kept in
 * {@code $ZEUES_DATA_DIR/admin-token} (created on first start: 32 random bytes, URL-safe base64, readable by the
 * owner only). The token itself is never printed; {@link AdminToken#source()} says where it is.
 */
public final class AdminTokenFile {

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    private AdminTokenFile() {
    }

    /**
     * A token and where a person finds it; {@code file} when it is kept in one (the service then reads the file, so
     * rewriting it rotates the token without a restart). {@link #toString()} never shows the token.
     */
    public record AdminToken(String value, String source, Path file) {

        public AdminToken(String value, String source) {
            this(value, source, null);
        }

        @Override
        public String toString() {
            return "AdminToken[" + source + "]";
        }
    }

    public static AdminToken resolve(Map<String, String> env, Path file) throws IOException {
        Optional<String> fromEnv = Optional.ofNullable(env.get("ZEUES_ADMIN_TOKEN")).map(String::trim)
                .filter(s -> !s.isEmpty());
        if (fromEnv.isPresent()) {
            return new AdminToken(fromEnv.get(), "the ZEUES_ADMIN_TOKEN environment variable");
        }
        return new AdminToken(readOrCreate(file), file.toString(), file.toAbsolutePath());
    }

    /** The token in {@code file}; a new one when the file is missing or empty. Leaves the file owner-only. */
    public static String readOrCreate(Path file) throws IOException {
        if (Files.isRegularFile(file)) {
            String token = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (!token.isEmpty()) {
                restrict(file);
                return token;
            }
        }
        String token = generate();
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        if (posix()) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(tmp);
        }
        Files.writeString(tmp, token + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        restrict(file);
        return token;
    }

    /** 32 bytes from {@link SecureRandom}, URL-safe base64 without padding (43 characters). */
    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void restrict(Path file) throws IOException {
        if (posix() && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
