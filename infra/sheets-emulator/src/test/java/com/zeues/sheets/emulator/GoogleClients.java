package com.zeues.sheets.emulator;

import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.sheets.v4.Sheets;
import com.google.auth.http.HttpCredentialsAdapter;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

/** The official Google client pointed at an emulator, as the connector builds it on the emulator path. */
final class GoogleClients {

    private GoogleClients() {
    }

    static Sheets sheets(SheetsEmulator emulator) {
        return sheets(emulator, 20_000);
    }

    static Sheets sheets(SheetsEmulator emulator, int readTimeoutMillis) {
        // a fixed fake token that never expires: the client never asks a metadata server for one
        GoogleCredentials credentials = GoogleCredentials.create(AccessToken.newBuilder()
                .setTokenValue("emulator")
                .setExpirationTime(Date.from(Instant.now().plus(3650, ChronoUnit.DAYS)))
                .build());
        HttpCredentialsAdapter auth = new HttpCredentialsAdapter(credentials);
        HttpRequestInitializer init = request -> {
            auth.initialize(request);
            request.setConnectTimeout(5_000);
            request.setReadTimeout(readTimeoutMillis);
        };
        return new Sheets.Builder(new NetHttpTransport(), GsonFactory.getDefaultInstance(), init)
                .setRootUrl(emulator.rootUrl())
                .setApplicationName("zeues-sheets-emulator-test")
                .build();
    }
}
