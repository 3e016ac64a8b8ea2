package dev.rivet.emulator;

import dev.rivet.emulator.unicorn.Unicorn;
import dev.rivet.emulator.unicorn.UnicornException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The host side of ARM semihosting (also used by RISC-V), for 32-bit targets.
 *
 * <p>The target puts an operation number in r0/a0 and a parameter (a value or a pointer to a
 * block of words) in r1/a1, then traps; the result goes back in r0/a0. Exit codes follow the
 * AArch32 rules as QEMU applies them, so that both emulators agree: SYS_EXIT takes a reason code
 * (ApplicationExit means status 0, anything else 1); SYS_EXIT_EXTENDED takes a block
 * {reason, status}. Console handles are the host's: 0 stdin, 1 stdout, 2 stderr.
 */
final class Semihosting {
    static final int SYS_OPEN = 0x01, SYS_CLOSE = 0x02, SYS_WRITEC = 0x03, SYS_WRITE0 = 0x04, SYS_WRITE = 0x05,
            SYS_READ = 0x06, SYS_ISTTY = 0x09, SYS_FLEN = 0x0C, SYS_CLOCK = 0x10, SYS_TIME = 0x11,
            SYS_ERRNO = 0x13, SYS_GET_CMDLINE = 0x15, SYS_HEAPINFO = 0x16, SYS_EXIT = 0x18,
            SYS_EXIT_EXTENDED = 0x20;
    static final long ADP_STOPPED_APPLICATION_EXIT = 0x20026;
    /** Instructions per centisecond for SYS_CLOCK: a nominal 10 MIPS core, so time is deterministic. */
    private static final long INSNS_PER_CENTISECOND = 100_000;
    private static final int MAX_STRING = 1 << 20;

    /** What a call asks the machine to do next. */
    sealed interface Outcome {
        /** Continue with this value in r0/a0. */
        record Return(long value) implements Outcome {}

        /** The program ended with this exit status. */
        record Exit(int status) implements Outcome {}

        /** The call is not supported or its arguments are bad. */
        record Unsupported(String why) implements Outcome {}
    }

    private final OutputStream stdout;
    private final OutputStream stderr;

    Semihosting(OutputStream stdout, OutputStream stderr) {
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Performs operation {@code op} with parameter {@code param}; {@code executed} feeds SYS_CLOCK. */
    Outcome call(Unicorn uc, int op, long param, long executed) {
        try {
            return switch (op) {
                case SYS_WRITEC -> write(stdout, uc.read(param, 1));
                case SYS_WRITE0 -> write(stdout, cString(uc, param));
                case SYS_WRITE -> sysWrite(uc, param);
                case SYS_OPEN -> sysOpen(uc, param);
                case SYS_CLOSE, SYS_ERRNO, SYS_FLEN -> new Outcome.Return(0);
                case SYS_READ -> new Outcome.Return(uc.readWord(param + 8)); // nothing read: EOF
                case SYS_ISTTY -> new Outcome.Return(uc.readWord(param) <= 2 ? 1 : 0);
                case SYS_CLOCK -> new Outcome.Return(executed / INSNS_PER_CENTISECOND);
                case SYS_TIME -> new Outcome.Return(System.currentTimeMillis() / 1000);
                case SYS_GET_CMDLINE -> getCmdline(uc, param);
                case SYS_HEAPINFO -> heapInfo(uc, param);
                case SYS_EXIT -> new Outcome.Exit(param == ADP_STOPPED_APPLICATION_EXIT ? 0 : 1);
                case SYS_EXIT_EXTENDED -> exitExtended(uc, param);
                default -> new Outcome.Unsupported(String.format("operation 0x%02x", op));
            };
        } catch (UnicornException e) {
            return new Outcome.Unsupported(String.format("operation 0x%02x: bad parameter 0x%08x (%s)", op, param, e.getMessage()));
        }
    }

    private Outcome sysWrite(Unicorn uc, long block) {
        long handle = uc.readWord(block);
        long buf = uc.readWord(block + 4);
        long len = uc.readWord(block + 8);
        if (len > MAX_STRING) return new Outcome.Unsupported("SYS_WRITE of " + len + " bytes");
        OutputStream out = handle == 1 ? stdout : handle == 2 ? stderr : null;
        if (out == null) return new Outcome.Return(len); // nothing written to an unknown handle
        write(out, uc.read(buf, (int) len));
        return new Outcome.Return(0);
    }

    private static Outcome sysOpen(Unicorn uc, long block) {
        String name = new String(cString(uc, uc.readWord(block)), StandardCharsets.ISO_8859_1);
        long mode = uc.readWord(block + 4);
        if (!name.equals(":tt")) return new Outcome.Return(0xFFFF_FFFFL); // no files on the host side
        return new Outcome.Return(mode < 4 ? 0 : mode < 8 ? 1 : 2);
    }

    private static Outcome getCmdline(Unicorn uc, long block) {
        if (uc.readWord(block + 4) < 1) return new Outcome.Return(0xFFFF_FFFFL);
        uc.write(uc.readWord(block), new byte[] {0});
        uc.write(block + 4, new byte[4]);
        return new Outcome.Return(0);
    }

    private static Outcome heapInfo(Unicorn uc, long block) {
        uc.write(uc.readWord(block), new byte[16]); // all zero: "not known", the runtime uses its own symbols
        return new Outcome.Return(0);
    }

    private static Outcome exitExtended(Unicorn uc, long block) {
        long reason = uc.readWord(block);
        long status = uc.readWord(block + 4);
        return new Outcome.Exit(reason == ADP_STOPPED_APPLICATION_EXIT ? (int) status : 1);
    }

    private static Outcome write(OutputStream out, byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Outcome.Return(0);
    }

    private static byte[] cString(Unicorn uc, long address) {
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        for (long a = address; s.size() < MAX_STRING; a += 64) {
            byte[] chunk = readUpTo(uc, a, 64);
            for (byte b : chunk) {
                if (b == 0) return s.toByteArray();
                s.write(b);
            }
            if (chunk.length < 64) break;
        }
        return s.toByteArray();
    }

    /** Reads up to {@code n} bytes, stopping early at the end of mapped memory. */
    private static byte[] readUpTo(Unicorn uc, long address, int n) {
        try {
            return uc.read(address, n);
        } catch (UnicornException e) {
            if (n == 1) throw e;
            byte[] first = readUpTo(uc, address, n / 2);
            return first;
        }
    }
}
