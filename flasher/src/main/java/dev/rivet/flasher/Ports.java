package dev.rivet.flasher;

import com.fazecast.jSerialComm.SerialPort;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Opening serial ports: real ones through jSerialComm, pseudo-terminals (simulators) as files. */
public final class Ports {
    private Ports() {}

    /** A port in the list `rivet flash --list-ports` prints. */
    public record PortInfo(String path, String description, int vendorId, int productId) {}

    public static List<PortInfo> list() {
        List<PortInfo> out = new ArrayList<>();
        for (SerialPort p : SerialPort.getCommPorts())
            out.add(new PortInfo(p.getSystemPortPath(), p.getPortDescription(), p.getVendorID(), p.getProductID()));
        return out;
    }

    /** Opens {@code path} at {@code baud} with the framing the protocol wants (AN3155: 8E1). */
    public static SerialLink open(String path, int baud, boolean evenParity) throws FlashException, IOException {
        if (path.startsWith("/dev/pts/")) return openFile(path); // a pseudo-terminal: line settings do not apply
        if (!Files.exists(Path.of(path)) && path.startsWith("/"))
            throw new FlashException("serial port " + path + " does not exist (plug the adapter in; `rivet flash --list-ports` lists ports)");
        SerialPort port = SerialPort.getCommPort(path);
        port.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, evenParity ? SerialPort.EVEN_PARITY : SerialPort.NO_PARITY);
        if (!port.openPort()) {
            if (path.startsWith("/") && !Files.isWritable(Path.of(path)))
                throw new FlashException("no permission to open " + path + "\nhelp: add yourself to the port's group (`sudo usermod -aG dialout $USER`, then log in again)");
            throw new FlashException("cannot open " + path + ": it may be in use by another program (a serial monitor?)");
        }
        return new JSerialLink(port);
    }

    /** A pseudo-terminal or other character device opened as a file. */
    public static SerialLink openFile(String path) throws IOException {
        return new StreamLink(path, new FileInputStream(path), new FileOutputStream(path));
    }

    private static final class JSerialLink implements SerialLink {
        private final SerialPort port;

        JSerialLink(SerialPort port) {
            this.port = port;
        }

        @Override
        public void write(byte[] bytes) throws IOException {
            if (port.writeBytes(bytes, bytes.length) != bytes.length) throw new IOException("write to " + name() + " failed");
        }

        @Override
        public int read(int timeoutMillis) throws IOException {
            port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, timeoutMillis, 0);
            byte[] b = new byte[1];
            int n = port.readBytes(b, 1);
            if (n < 0) throw new IOException(name() + " was disconnected");
            return n == 0 ? -1 : b[0] & 0xFF;
        }

        @Override
        public void drain() {
            port.flushIOBuffers();
        }

        @Override
        public void setBaud(int baud) throws IOException {
            if (!port.setBaudRate(baud)) throw new IOException(name() + " does not take " + baud + " baud");
        }

        @Override
        public boolean setModemLines(boolean dtr, boolean rts) {
            boolean ok = dtr ? port.setDTR() : port.clearDTR();
            return (rts ? port.setRTS() : port.clearRTS()) && ok;
        }

        @Override
        public String name() { return port.getSystemPortPath(); }

        @Override
        public void close() {
            port.closePort();
        }
    }
}
