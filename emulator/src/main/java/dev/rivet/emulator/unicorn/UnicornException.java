package dev.rivet.emulator.unicorn;

/** A Unicorn call that failed; the message is uc_strerror's text plus what rivet was doing. */
public final class UnicornException extends RuntimeException {
    private final int code;

    public UnicornException(String message) {
        this(-1, message);
    }

    public UnicornException(int code, String message) {
        super(message);
        this.code = code;
    }

    /** The uc_err code, or -1 when the failure did not come from a Unicorn call. */
    public int code() { return code; }

    public UcError error() { return UcError.of(code); }
}
