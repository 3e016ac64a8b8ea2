package dev.rivet.linker;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Thumb call that no BL can reach (flash to RAM) is a link error that names the call site,
 * the relocation, the distance and the target: rivet inserts no veneers. (GNU ld would add a
 * long-branch stub here, so it is no oracle for this case.)
 */
class BranchRangeTest {
    @Test
    void aCallBeyondBlRangeIsAnError() throws Exception {
        Path dir = Path.of("src/test/resources/branch-range");
        Path tmp = Files.createTempDirectory("branch-range");
        Path object = GnuTools.forTarget("arm").assemble(dir.resolve("far_call.s"), tmp);
        LinkException e = assertThrows(LinkException.class, () -> LinkGoldenTest.link(List.of(object), dir.resolve("script.ld")));
        String m = e.getMessage();
        assertTrue(m.contains("reset"), m);
        assertTrue(m.contains("R_ARM_THM_CALL") && m.contains("out of range: 536870908"), m);
        assertTrue(m.contains("in_ram"), m);
    }
}
