package dev.rivet.flasher;

/** Where a flasher reports its phases and how far a long one got. */
public interface Progress {
    void phase(String name);

    void advance(long done, long total);

    Progress NONE = new Progress() {
        @Override public void phase(String name) { }
        @Override public void advance(long done, long total) { }
    };
}
