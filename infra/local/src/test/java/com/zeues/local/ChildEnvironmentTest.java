package com.zeues.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.zeues.local.AdminTokenFile.AdminToken;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChildEnvironmentTest {

    @Test
    void theServiceIsToldWhereTheConnectorIsWhateverItInherits() {
        LocalSettings s = LocalSettings.from(Map.of("ZEUES_HOME", "/repo", "ZEUES_DATA_DIR", "/data",
                "ZEUES_CONNECTOR_PORT", "18081", "SERVER_PORT", "18080"), Path.of("."));
        Map<String, String> env = ChildEnvironment.service(s, new AdminToken("t", "test"));
        assertThat(env).containsEntry("ZEUES_CONNECTOR_PORT", "18081").containsEntry("SERVER_PORT", "18080")
                .containsEntry("ZEUES_ADMIN_TOKEN", "t");
        assertThat(ChildEnvironment.connector(s)).containsEntry("ZEUES_CONNECTOR_PORT", "18081")
                .containsEntry("SERVER_PORT", null).containsEntry("ZEUES_ADMIN_TOKEN", null);
    }

    @Test
    void aTokenKeptInTheDataDirReachesTheServiceAsItsFileSoRewritingItRotatesIt() {
        LocalSettings s = LocalSettings.from(Map.of("ZEUES_HOME", "/repo", "ZEUES_DATA_DIR", "/data"), Path.of("."));
        Path file = Path.of("/data/admin-token");
        Map<String, String> env = ChildEnvironment.service(s, new AdminToken("t", file.toString(), file));
        assertThat(env).containsEntry("ZEUES_ADMIN_TOKEN_FILE", "/data/admin-token")
                .containsEntry("ZEUES_ADMIN_TOKEN", null); // removed: an inherited value cannot shadow the file
    }
}
