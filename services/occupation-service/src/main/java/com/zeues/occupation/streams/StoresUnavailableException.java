package com.zeues.occupation.streams;

/** The topology's stores cannot be queried right now (starting, restoring, rebalancing): answer 503. */
public class StoresUnavailableException extends RuntimeException {

    public StoresUnavailableException(String message) {
        super(message);
    }
}
