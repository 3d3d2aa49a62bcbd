package com.zeues.connector.master;

/** A cell whose value cannot be read as what its column holds; the message says why, for the row problem. */
public final class CellFormatException extends Exception {

    public CellFormatException(String message) {
        super(message, null, false, false);
    }
}
