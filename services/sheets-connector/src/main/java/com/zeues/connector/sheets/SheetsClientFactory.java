package com.zeues.connector.sheets;

import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.SheetsScopes;
import com.google.auth.http.HttpCredentialsAdapter;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Builds the Google Sheets client. With service-account credentials (a file or the JSON itself) it talks to
 * Google; without, to the local emulator with a fixed fake access token, so nothing ever probes a metadata
 * server or Google's token endpoint.
 */
public final class SheetsClientFactory {

    public static final String APPLICATION_NAME = "zeues-sheets-connector";
    /** The fake token's expiry: far enough that the client never tries to refresh it. */
    static final Date FAR_FUTURE = Date.from(Instant.parse("9999-12-31T00:00:00Z"));

    private SheetsClientFactory() {
    }

    /** Where and how the client connects; {@link #google()} is true when credentials were given. */
    public record Target(String rootUrl, boolean google, GoogleCredentials credentials) {

        /** For logs: never shows a secret. */
        public String describe() {
            return (google ? "Google Sheets at " : "sheets emulator at ") + rootUrl;
        }
    }

    /**
     * Decides the target: {@code credentialsFile} ({@code GOOGLE_APPLICATION_CREDENTIALS}) or
     * {@code credentialsJson} ({@code ZEUES_GOOGLE_CREDENTIALS_JSON}) → Google at {@code googleRootUrl};
     * neither → the emulator at {@code emulatorEndpoint}.
     */
    public static Target target(String emulatorEndpoint, String googleRootUrl, String credentialsFile,
                                String credentialsJson) {
        try {
            if (notBlank(credentialsJson)) {
                try (InputStream in = new ByteArrayInputStream(credentialsJson.getBytes(StandardCharsets.UTF_8))) {
                    return new Target(slash(googleRootUrl), true, scoped(ServiceAccountCredentials.fromStream(in)));
                }
            }
            if (notBlank(credentialsFile)) {
                try (InputStream in = Files.newInputStream(Path.of(credentialsFile.trim()))) {
                    return new Target(slash(googleRootUrl), true, scoped(ServiceAccountCredentials.fromStream(in)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Google service-account credentials: " + e.getMessage(), e);
        }
        return new Target(slash(emulatorEndpoint), false, emulatorCredentials());
    }

    /** The fixed fake token the emulator path uses. */
    public static GoogleCredentials emulatorCredentials() {
        return GoogleCredentials.create(new AccessToken("emulator", FAR_FUTURE));
    }

    public static Sheets build(Target target, Duration connectTimeout, Duration readTimeout) {
        HttpCredentialsAdapter auth = new HttpCredentialsAdapter(target.credentials());
        int connectMs = (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis());
        int readMs = (int) Math.min(Integer.MAX_VALUE, readTimeout.toMillis());
        HttpRequestInitializer init = request -> {
            auth.initialize(request);
            request.setConnectTimeout(connectMs);
            request.setReadTimeout(readMs);
        };
        return new Sheets.Builder(new NetHttpTransport(), GsonFactory.getDefaultInstance(), init)
                .setRootUrl(target.rootUrl())
                .setApplicationName(APPLICATION_NAME)
                .build();
    }

    private static GoogleCredentials scoped(GoogleCredentials credentials) {
        return credentials.createScoped(List.of(SheetsScopes.SPREADSHEETS));
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static String slash(String url) {
        String u = url.trim();
        return u.endsWith("/") ? u : u + "/";
    }
}
