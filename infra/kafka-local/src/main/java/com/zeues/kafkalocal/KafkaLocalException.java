package com.zeues.kafkalocal;

/** A local broker could not be started or did not become ready; the message says why and shows its logs' tails. */
public class KafkaLocalException extends RuntimeException {

    public KafkaLocalException(String message) {
        super(message);
    }

    public KafkaLocalException(String message, Throwable cause) {
        super(message, cause);
    }
}
