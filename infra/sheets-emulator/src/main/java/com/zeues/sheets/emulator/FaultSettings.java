package com.zeues.sheets.emulator;

import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the {@link FaultInjector} does to Sheets API requests (never to {@code /_emulator/}). All off by default.
 *
 * @param errorRate             fraction (0..1) of matching requests answered {@code errorStatus} without being applied
 * @param errorStatus           429, 500, 502, 503 or 504 (Google-shaped bodies)
 * @param errorScope            which requests {@code errorRate} and {@code failNext} hit: ALL, WRITES or READS
 * @param failNext              the next N matching requests fail with {@code errorStatus} (then the rate applies)
 * @param latencyMs             added before every API request is handled
 * @param latencyJitterMs       plus a uniform random 0..jitter
 * @param outage                every API request fails: {@code outageMode} ERROR answers 503, DROP closes the
 *                              connection without an answer
 * @param outageMode            ERROR or DROP
 * @param timeoutAfterWriteRate fraction of writes that are applied, then left unanswered for
 *                              {@code timeoutAfterWriteMs} before the connection is closed
 * @param timeoutAfterWriteNext the next N writes behave so (then the rate applies)
 * @param timeoutAfterWriteMs   how long such a write holds the connection (default 30 s: past the client's timeout)
 * @param writeQuotaPerMinute   when > 0, writes beyond this many in the last 60 s get 429 (Google allows 60)
 * @param seed                  seeds the random draws (null: random)
 */
public record FaultSettings(double errorRate, int errorStatus, String errorScope, int failNext, long latencyMs,
        long latencyJitterMs, boolean outage, String outageMode, double timeoutAfterWriteRate,
        int timeoutAfterWriteNext, long timeoutAfterWriteMs, int writeQuotaPerMinute, Long seed) {

    public static final FaultSettings NONE = new FaultSettings(0, 503, "ALL", 0, 0, 0, false, "ERROR", 0, 0, 30_000,
            0, null);

    public FaultSettings {
        if (errorRate < 0 || errorRate > 1 || timeoutAfterWriteRate < 0 || timeoutAfterWriteRate > 1) {
            throw new IllegalArgumentException("rates are fractions between 0 and 1");
        }
        if (errorStatus != 429 && errorStatus != 500 && errorStatus != 502 && errorStatus != 503
                && errorStatus != 504) {
            throw new IllegalArgumentException("errorStatus must be 429, 500, 502, 503 or 504");
        }
        errorScope = errorScope == null ? "ALL" : errorScope.toUpperCase(Locale.ROOT);
        if (!errorScope.equals("ALL") && !errorScope.equals("WRITES") && !errorScope.equals("READS")) {
            throw new IllegalArgumentException("errorScope must be ALL, WRITES or READS");
        }
        outageMode = outageMode == null ? "ERROR" : outageMode.toUpperCase(Locale.ROOT);
        if (!outageMode.equals("ERROR") && !outageMode.equals("DROP")) {
            throw new IllegalArgumentException("outageMode must be ERROR or DROP");
        }
        if (failNext < 0 || timeoutAfterWriteNext < 0 || latencyMs < 0 || latencyJitterMs < 0
                || timeoutAfterWriteMs < 0 || writeQuotaPerMinute < 0) {
            throw new IllegalArgumentException("counts and durations must not be negative");
        }
    }

    public FaultSettings withErrorRate(double rate, int status) {
        return new FaultSettings(rate, status, errorScope, failNext, latencyMs, latencyJitterMs, outage, outageMode,
                timeoutAfterWriteRate, timeoutAfterWriteNext, timeoutAfterWriteMs, writeQuotaPerMinute, seed);
    }

    public FaultSettings withErrorScope(String scope) {
        return new FaultSettings(errorRate, errorStatus, scope, failNext, latencyMs, latencyJitterMs, outage,
                outageMode, timeoutAfterWriteRate, timeoutAfterWriteNext, timeoutAfterWriteMs, writeQuotaPerMinute,
                seed);
    }

    public FaultSettings withFailNext(int n, int status) {
        return new FaultSettings(errorRate, status, errorScope, n, latencyMs, latencyJitterMs, outage, outageMode,
                timeoutAfterWriteRate, timeoutAfterWriteNext, timeoutAfterWriteMs, writeQuotaPerMinute, seed);
    }

    public FaultSettings withLatency(long ms, long jitterMs) {
        return new FaultSettings(errorRate, errorStatus, errorScope, failNext, ms, jitterMs, outage, outageMode,
                timeoutAfterWriteRate, timeoutAfterWriteNext, timeoutAfterWriteMs, writeQuotaPerMinute, seed);
    }

    public FaultSettings withOutage(boolean on, String mode) {
        return new FaultSettings(errorRate, errorStatus, errorScope, failNext, latencyMs, latencyJitterMs, on, mode,
                timeoutAfterWriteRate, timeoutAfterWriteNext, timeoutAfterWriteMs, writeQuotaPerMinute, seed);
    }

    public FaultSettings withTimeoutAfterWrite(double rate, int next, long holdMs) {
        return new FaultSettings(errorRate, errorStatus, errorScope, failNext, latencyMs, latencyJitterMs, outage,
                outageMode, rate, next, holdMs, writeQuotaPerMinute, seed);
    }

    public FaultSettings withWriteQuotaPerMinute(int quota) {
        return new FaultSettings(errorRate, errorStatus, errorScope, failNext, latencyMs, latencyJitterMs, outage,
                outageMode, timeoutAfterWriteRate, timeoutAfterWriteNext, timeoutAfterWriteMs, quota, seed);
    }

    public FaultSettings withSeed(Long s) {
        return new FaultSettings(errorRate, errorStatus, errorScope, failNext, latencyMs, latencyJitterMs, outage,
                outageMode, timeoutAfterWriteRate, timeoutAfterWriteNext, timeoutAfterWriteMs, writeQuotaPerMinute, s);
    }

    ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("errorRate", errorRate);
        o.put("errorStatus", errorStatus);
        o.put("errorScope", errorScope);
        o.put("failNext", failNext);
        o.put("latencyMs", latencyMs);
        o.put("latencyJitterMs", latencyJitterMs);
        o.put("outage", outage);
        o.put("outageMode", outageMode);
        o.put("timeoutAfterWriteRate", timeoutAfterWriteRate);
        o.put("timeoutAfterWriteNext", timeoutAfterWriteNext);
        o.put("timeoutAfterWriteMs", timeoutAfterWriteMs);
        o.put("writeQuotaPerMinute", writeQuotaPerMinute);
        if (seed != null) {
            o.put("seed", seed);
        } else {
            o.putNull("seed");
        }
        return o;
    }

    /** {@code base} with the fields present in {@code json} replaced; a bad value is a 400. */
    static FaultSettings merge(FaultSettings base, JsonNode json) {
        if (!json.isObject()) {
            throw ApiException.badRequest("fault settings must be a JSON object");
        }
        try {
            return new FaultSettings(
                    json.path("errorRate").asDouble(base.errorRate),
                    json.path("errorStatus").asInt(base.errorStatus),
                    json.has("errorScope") ? Json.text(json.get("errorScope")) : base.errorScope,
                    json.path("failNext").asInt(base.failNext),
                    json.path("latencyMs").asLong(base.latencyMs),
                    json.path("latencyJitterMs").asLong(base.latencyJitterMs),
                    json.path("outage").asBoolean(base.outage),
                    json.has("outageMode") ? Json.text(json.get("outageMode")) : base.outageMode,
                    json.path("timeoutAfterWriteRate").asDouble(base.timeoutAfterWriteRate),
                    json.path("timeoutAfterWriteNext").asInt(base.timeoutAfterWriteNext),
                    json.path("timeoutAfterWriteMs").asLong(base.timeoutAfterWriteMs),
                    json.path("writeQuotaPerMinute").asInt(base.writeQuotaPerMinute),
                    json.has("seed") ? (json.get("seed").isNull() ? null : json.get("seed").asLong()) : base.seed);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }
}
