package dev.rivet.flasher;

/** Flashing failed; the message says what happened and what to do about it. */
public final class FlashException extends Exception {
    public FlashException(String message) {
        super(message);
    }
}
