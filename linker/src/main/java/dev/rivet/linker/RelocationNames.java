package dev.rivet.linker;

import java.util.Map;

/** The ELF names of the relocation types the linker handles, for listings and messages. */
public final class RelocationNames {
    private RelocationNames() {}

    private static final Map<Integer, String> ARM = Map.ofEntries(
            Map.entry(ArmRelocations.R_ARM_NONE, "R_ARM_NONE"), Map.entry(ArmRelocations.R_ARM_ABS32, "R_ARM_ABS32"),
            Map.entry(ArmRelocations.R_ARM_REL32, "R_ARM_REL32"), Map.entry(ArmRelocations.R_ARM_THM_CALL, "R_ARM_THM_CALL"),
            Map.entry(ArmRelocations.R_ARM_THM_PC8, "R_ARM_THM_PC8"), Map.entry(ArmRelocations.R_ARM_TARGET1, "R_ARM_TARGET1"),
            Map.entry(ArmRelocations.R_ARM_V4BX, "R_ARM_V4BX"), Map.entry(ArmRelocations.R_ARM_PREL31, "R_ARM_PREL31"),
            Map.entry(ArmRelocations.R_ARM_THM_MOVW_ABS_NC, "R_ARM_THM_MOVW_ABS_NC"),
            Map.entry(ArmRelocations.R_ARM_THM_MOVT_ABS, "R_ARM_THM_MOVT_ABS"), Map.entry(ArmRelocations.R_ARM_THM_JUMP24, "R_ARM_THM_JUMP24"),
            Map.entry(ArmRelocations.R_ARM_THM_JUMP11, "R_ARM_THM_JUMP11"), Map.entry(ArmRelocations.R_ARM_THM_JUMP8, "R_ARM_THM_JUMP8"));

    private static final Map<Integer, String> RISCV = Map.ofEntries(
            Map.entry(RiscvRelocations.R_RISCV_NONE, "R_RISCV_NONE"), Map.entry(RiscvRelocations.R_RISCV_32, "R_RISCV_32"),
            Map.entry(RiscvRelocations.R_RISCV_BRANCH, "R_RISCV_BRANCH"), Map.entry(RiscvRelocations.R_RISCV_JAL, "R_RISCV_JAL"),
            Map.entry(RiscvRelocations.R_RISCV_CALL, "R_RISCV_CALL"), Map.entry(RiscvRelocations.R_RISCV_CALL_PLT, "R_RISCV_CALL_PLT"),
            Map.entry(RiscvRelocations.R_RISCV_PCREL_HI20, "R_RISCV_PCREL_HI20"),
            Map.entry(RiscvRelocations.R_RISCV_PCREL_LO12_I, "R_RISCV_PCREL_LO12_I"),
            Map.entry(RiscvRelocations.R_RISCV_PCREL_LO12_S, "R_RISCV_PCREL_LO12_S"), Map.entry(RiscvRelocations.R_RISCV_HI20, "R_RISCV_HI20"),
            Map.entry(RiscvRelocations.R_RISCV_LO12_I, "R_RISCV_LO12_I"), Map.entry(RiscvRelocations.R_RISCV_LO12_S, "R_RISCV_LO12_S"),
            Map.entry(RiscvRelocations.R_RISCV_ADD8, "R_RISCV_ADD8"), Map.entry(RiscvRelocations.R_RISCV_ADD16, "R_RISCV_ADD16"),
            Map.entry(RiscvRelocations.R_RISCV_ADD32, "R_RISCV_ADD32"), Map.entry(RiscvRelocations.R_RISCV_SUB6, "R_RISCV_SUB6"),
            Map.entry(RiscvRelocations.R_RISCV_SUB8, "R_RISCV_SUB8"), Map.entry(RiscvRelocations.R_RISCV_SUB16, "R_RISCV_SUB16"),
            Map.entry(RiscvRelocations.R_RISCV_SUB32, "R_RISCV_SUB32"), Map.entry(RiscvRelocations.R_RISCV_SET6, "R_RISCV_SET6"),
            Map.entry(RiscvRelocations.R_RISCV_SET8, "R_RISCV_SET8"), Map.entry(RiscvRelocations.R_RISCV_SET16, "R_RISCV_SET16"),
            Map.entry(RiscvRelocations.R_RISCV_SET32, "R_RISCV_SET32"),
            Map.entry(RiscvRelocations.R_RISCV_ALIGN, "R_RISCV_ALIGN"), Map.entry(RiscvRelocations.R_RISCV_RVC_BRANCH, "R_RISCV_RVC_BRANCH"),
            Map.entry(RiscvRelocations.R_RISCV_RVC_JUMP, "R_RISCV_RVC_JUMP"), Map.entry(RiscvRelocations.R_RISCV_RELAX, "R_RISCV_RELAX"),
            Map.entry(RiscvRelocations.R_RISCV_RVC_LUI, "R_RISCV_RVC_LUI"));

    /** "R_ARM_THM_CALL", or "type N" for a type the linker does not know. */
    public static String of(ObjectFile.Machine machine, int type) {
        String name = (machine == ObjectFile.Machine.ARM ? ARM : RISCV).get(type);
        return name != null ? name : "type " + type;
    }
}
