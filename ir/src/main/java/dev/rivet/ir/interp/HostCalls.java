package dev.rivet.ir.interp;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * The host side of the {@code semihost} instruction for the interpreter, with the same
 * operations and exit-code rules as the emulator's semihosting (ARM's 32-bit conventions, as
 * QEMU applies them; console handles 0, 1, 2).
 */
final class HostCalls {
    private static final int SYS_OPEN = 0x01, SYS_CLOSE = 0x02, SYS_WRITEC = 0x03, SYS_WRITE0 = 0x04, SYS_WRITE = 0x05,
            SYS_ISTTY = 0x09, SYS_CLOCK = 0x10, SYS_ERRNO = 0x13, SYS_EXIT = 0x18, SYS_EXIT_EXTENDED = 0x20;
    private static final long APPLICATION_EXIT = 0x20026;

    private final Memory memory;
    private final OutputStream stdout;
    private final OutputStream stderr;

    HostCalls(Memory memory, OutputStream stdout, OutputStream stderr) {
        this.memory = memory;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    long call(int op, long param, long steps) {
        return switch (op) {
            case SYS_WRITEC -> write(stdout, memory.read(param, 1));
            case SYS_WRITE0 -> write(stdout, memory.cString(param));
            case SYS_WRITE -> {
                long handle = memory.load(param, 4);
                long buf = memory.load(param + 4, 4);
                int len = (int) memory.load(param + 8, 4);
                OutputStream out = handle == 1 ? stdout : handle == 2 ? stderr : null;
                if (out == null) yield len;
                yield write(out, memory.read(buf, len));
            }
            case SYS_OPEN -> {
                String name = new String(memory.cString(memory.load(param, 4)), java.nio.charset.StandardCharsets.ISO_8859_1);
                long mode = memory.load(param + 4, 4);
                yield !name.equals(":tt") ? 0xFFFF_FFFFL : mode < 4 ? 0 : mode < 8 ? 1 : 2;
            }
            case SYS_CLOSE, SYS_ERRNO -> 0;
            case SYS_ISTTY -> memory.load(param, 4) <= 2 ? 1 : 0;
            case SYS_CLOCK -> steps / 100_000;
            case SYS_EXIT -> throw new Interpreter.Exit(param == APPLICATION_EXIT ? 0 : 1);
            case SYS_EXIT_EXTENDED -> {
                long reason = memory.load(param, 4);
                throw new Interpreter.Exit(reason == APPLICATION_EXIT ? (int) memory.load(param + 4, 4) : 1);
            }
            default -> throw new InterpreterError(String.format("unsupported semihosting operation 0x%02x", op));
        };
    }

    private static long write(OutputStream out, byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return 0;
    }
}
