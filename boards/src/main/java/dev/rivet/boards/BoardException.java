package dev.rivet.boards;

/** A board name that does not exist, or a board file that is malformed. The message is for users. */
public final class BoardException extends RuntimeException {
    public BoardException(String message) {
        super(message);
    }
}
