package com.zeues.local;

/** The launcher cannot go on: the message is for the user, the exit code 2 (cannot start here) or 1 (failed). */
public final class LaunchFailure extends Exception {

    public static final int CANNOT_START = 2;
    public static final int FAILED = 1;

    private final int exitCode;

    public LaunchFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
