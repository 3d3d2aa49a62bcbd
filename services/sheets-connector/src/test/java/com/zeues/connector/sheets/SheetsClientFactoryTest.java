package com.zeues.connector.sheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.auth.oauth2.ServiceAccountCredentials;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SheetsClientFactoryTest {

    @Test
    void withoutCredentialsTheEmulatorWithAFixedFakeToken() throws Exception {
        SheetsClientFactory.Target target = SheetsClientFactory.target("http://127.0.0.1:9099", "https://x/", null,
                " ");

        assertThat(target.google()).isFalse();
        assertThat(target.rootUrl()).isEqualTo("http://127.0.0.1:9099/");
        // no refresh, no metadata server: the token is there, valid for ever
        Map<String, List<String>> metadata = target.credentials().getRequestMetadata(URI.create(target.rootUrl()));
        assertThat(metadata.get("Authorization")).containsExactly("Bearer emulator");
        assertThat(target.credentials().getAccessToken().getExpirationTime())
                .isAfter(new java.util.Date(System.currentTimeMillis() + Duration.ofDays(3650).toMillis()));
        assertThat(SheetsClientFactory.build(target, Duration.ofSeconds(1), Duration.ofSeconds(1)).getRootUrl())
                .isEqualTo("http://127.0.0.1:9099/");
    }

    @Test
    void serviceAccountJsonMeansGoogleWithTheSpreadsheetsScope() throws Exception {
        SheetsClientFactory.Target target = SheetsClientFactory.target("http://127.0.0.1:9099/",
                "https://sheets.googleapis.com/", null, serviceAccountJson());

        assertThat(target.google()).isTrue();
        assertThat(target.rootUrl()).isEqualTo("https://sheets.googleapis.com/");
        assertThat(target.describe()).isEqualTo("Google Sheets at https://sheets.googleapis.com/");
        assertThat(((ServiceAccountCredentials) target.credentials()).getScopes())
                .containsExactly("https://www.googleapis.com/auth/spreadsheets");
    }

    @Test
    void serviceAccountFileToo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sa.json");
        Files.writeString(file, serviceAccountJson());

        SheetsClientFactory.Target target = SheetsClientFactory.target("http://127.0.0.1:9099/",
                "https://sheets.googleapis.com/", file.toString(), null);

        assertThat(target.google()).isTrue();
        assertThat(((ServiceAccountCredentials) target.credentials()).getClientEmail())
                .isEqualTo("zeues@example.iam.gserviceaccount.com");
    }

    @Test
    void anUnreadableCredentialsFileIsAClearStartupError(@TempDir Path dir) {
        assertThatThrownBy(() -> SheetsClientFactory.target("http://127.0.0.1:9099/", "https://x/",
                dir.resolve("missing.json").toString(), null))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("cannot read the Google service-account credentials");
    }

    private static String serviceAccountJson() throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        String pem = "-----BEGIN PRIVATE KEY-----\\n"
                + Base64.getEncoder().encodeToString(gen.generateKeyPair().getPrivate().getEncoded())
                + "\\n-----END PRIVATE KEY-----\\n";
        return """
                {"type": "service_account", "project_id": "zeues-test", "private_key_id": "k1",
                 "private_key": "%s", "client_email": "zeues@example.iam.gserviceaccount.com",
                 "client_id": "1234567890", "token_uri": "https://oauth2.googleapis.com/token"}
                """.formatted(pem);
    }
}
