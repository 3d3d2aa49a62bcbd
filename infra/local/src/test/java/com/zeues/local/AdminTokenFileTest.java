package com.zeues.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.zeues.local.AdminTokenFile.AdminToken;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminTokenFileTest {

    @TempDir
    Path dir;

    @Test
    void generatedTokensAreUrlSafeAndRandom() {
        String a = AdminTokenFile.generate();
        String b = AdminTokenFile.generate();
        assertThat(a).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void createdOnceOwnerOnlyThenReadBack() throws Exception {
        Path file = dir.resolve("data/admin-token");
        String token = AdminTokenFile.readOrCreate(file);
        assertThat(Files.readString(file).trim()).isEqualTo(token);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(AdminTokenFile.readOrCreate(file)).isEqualTo(token);
        assertThat(dir.resolve("data")).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void anExistingFileIsKeptAndRestricted() throws Exception {
        Path file = dir.resolve("admin-token");
        Files.writeString(file, "my-own-token\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(AdminTokenFile.readOrCreate(file)).isEqualTo("my-own-token");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void anEmptyFileGetsANewToken() throws Exception {
        Path file = dir.resolve("admin-token");
        Files.writeString(file, "  \n");
        assertThat(AdminTokenFile.readOrCreate(file)).hasSize(43);
    }

    @Test
    void theEnvironmentWinsAndNoFileIsWritten() throws Exception {
        Path file = dir.resolve("admin-token");
        AdminToken token = AdminTokenFile.resolve(Map.of("ZEUES_ADMIN_TOKEN", "from-env"), file);
        assertThat(token.value()).isEqualTo("from-env");
        assertThat(token.source()).contains("ZEUES_ADMIN_TOKEN");
        assertThat(file).doesNotExist();
    }

    @Test
    void theTokenNeverShowsInToString() throws Exception {
        AdminToken token = AdminTokenFile.resolve(Map.of(), dir.resolve("admin-token"));
        assertThat(token.source()).isEqualTo(dir.resolve("admin-token").toString());
        assertThat(token.toString()).doesNotContain(token.value());
    }
}
