package com.zeues.sheets.emulator;

/**
 * Test helper (in the emulator's package for its package-private answers): while {@link #refuse} is set, every
 * write to one spreadsheet is answered {@code 403 PERMISSION_DENIED}, as Google answers when the spreadsheet is no
 * longer shared with the service account.
 */
public final class RefusingFilter implements RequestFilter {

    private final String spreadsheetId;
    private volatile boolean refuse;

    public RefusingFilter(String spreadsheetId) {
        this.spreadsheetId = spreadsheetId;
    }

    public void refuse(boolean on) {
        this.refuse = on;
    }

    @Override
    public EmulatorResponse filter(EmulatorRequest request, Chain chain) {
        ApiCall call = request.call();
        if (refuse && call.isWrite() && spreadsheetId.equals(call.spreadsheetId())) {
            return EmulatorResponse.error(403, "PERMISSION_DENIED", "The caller does not have permission")
                    .asFault("refused");
        }
        return chain.proceed(request);
    }
}
