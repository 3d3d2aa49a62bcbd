package com.zeues.occupation.web;

import com.zeues.domain.model.ErrorCode;

/** An error answered with the contract's body: its code decides the status. */
public class ApiException extends RuntimeException {

    private final ErrorCode code;

    public ApiException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
