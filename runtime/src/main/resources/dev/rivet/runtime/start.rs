//! Start-up: from the core's first instruction to `main`. The linker script places the vector
//! table (Cortex-M) or `_start` (RISC-V) where the core begins, and defines the symbols below.

use crate::console::__rivet_exit;

extern "C" {
    static mut __sdata: u32;
    static mut __edata: u32;
    static __sidata: u32;
    static mut __sbss: u32;
    static mut __ebss: u32;
    #[cfg(not(test))]
    fn main();
    /// The test harness's entry (test builds): runs the test the runner chose.
    #[cfg(test)]
    fn __rivet_test_main();
}

/// Copies `.data` from its load address in flash, zeroes `.bss`, runs `main` (in test builds the
/// harness), exits with 0.
#[no_mangle]
pub unsafe extern "C" fn __rivet_start() -> ! {
    let mut dst = &raw mut __sdata as usize;
    let end = &raw mut __edata as usize;
    let mut src = &raw const __sidata as usize;
    while dst < end {
        core::ptr::write_volatile(dst as *mut u32, core::ptr::read_volatile(src as *const u32));
        dst += 4;
        src += 4;
    }
    let mut p = &raw mut __sbss as usize;
    let bss_end = &raw mut __ebss as usize;
    while p < bss_end {
        core::ptr::write_volatile(p as *mut u32, 0);
        p += 4;
    }
    #[cfg(rivet_console_uart)]
    crate::uart::init();
    #[cfg(not(test))]
    main();
    #[cfg(test)]
    __rivet_test_main();
    __rivet_exit(0)
}

/// Reports an exception or trap nobody handles, then stops (status 134, like an abort).
fn unhandled(name: &str) -> ! {
    crate::console::__rivet_write_str(2, "\nunhandled exception: ");
    crate::console::__rivet_write_str(2, name);
    crate::console::__rivet_write_str(2, "\n");
    __rivet_exit(134)
}

#[cfg(target_arch = "arm")]
mod cortex_m {
    /// Word 1 of the vector table; word 0, the initial stack pointer, comes from the linker script.
    #[link_section = ".vector_table.reset_vector"]
    #[no_mangle]
    #[used]
    pub static __RESET_VECTOR: unsafe extern "C" fn() -> ! = Reset;

    /// Words 2 to 15: the system exceptions (reserved words point at the default handler too).
    #[link_section = ".vector_table.exceptions"]
    #[no_mangle]
    #[used]
    pub static __EXCEPTIONS: [unsafe extern "C" fn() -> !; 14] = [
        NMI, HardFault, MemManage, BusFault, UsageFault, DefaultHandler, DefaultHandler, DefaultHandler,
        DefaultHandler, SVCall, DebugMonitor, DefaultHandler, PendSV, SysTick,
    ];

    #[no_mangle]
    pub unsafe extern "C" fn Reset() -> ! { super::__rivet_start() }

    #[no_mangle]
    pub unsafe extern "C" fn NMI() -> ! { super::unhandled("NMI") }
    #[no_mangle]
    pub unsafe extern "C" fn HardFault() -> ! { super::unhandled("HardFault") }
    #[no_mangle]
    pub unsafe extern "C" fn MemManage() -> ! { super::unhandled("MemManage") }
    #[no_mangle]
    pub unsafe extern "C" fn BusFault() -> ! { super::unhandled("BusFault") }
    #[no_mangle]
    pub unsafe extern "C" fn UsageFault() -> ! { super::unhandled("UsageFault") }
    #[no_mangle]
    pub unsafe extern "C" fn SVCall() -> ! { super::unhandled("SVCall") }
    #[no_mangle]
    pub unsafe extern "C" fn DebugMonitor() -> ! { super::unhandled("DebugMonitor") }
    #[no_mangle]
    pub unsafe extern "C" fn PendSV() -> ! { super::unhandled("PendSV") }
    #[no_mangle]
    pub unsafe extern "C" fn SysTick() -> ! { super::unhandled("SysTick") }
    #[no_mangle]
    pub unsafe extern "C" fn DefaultHandler() -> ! { super::unhandled("interrupt") }
}

#[cfg(target_arch = "riscv32")]
mod riscv {
    extern "C" {
        static _stack_start: u32;
        /// `__global_pointer$`, which the linker script defines; Rust names cannot hold a `$`.
        static __rivet_global_pointer: u32;
        /// Recognised by the back end: `mv sp, a0`.
        fn __rivet_set_sp(sp: usize);
        /// Recognised by the back end: `mv gp, a0`.
        fn __rivet_set_gp(gp: usize);
        /// Recognised by the back end: `csrr a0, CSR` (the number must be a constant).
        fn __rivet_csrr(csr: usize) -> usize;
        /// Recognised by the back end: `csrw CSR, a1` (the number must be a constant).
        fn __rivet_csrw(csr: usize, value: usize);
    }

    const MTVEC: usize = 0x305;
    const MEPC: usize = 0x341;
    const MCAUSE: usize = 0x342;
    const MTVAL: usize = 0x343;

    /// The first instruction executed. It must not touch the stack before setting SP (a
    /// function that never returns saves nothing, and this one has no locals). Traps go to
    /// `_trap` (direct mode; the linker script aligns it as the core needs).
    #[link_section = ".text.start"]
    #[no_mangle]
    pub unsafe extern "C" fn _start() -> ! {
        __rivet_set_sp(&raw const _stack_start as usize);
        // gp for code that addresses small data relative to it (assembly, vendor start-up files)
        __rivet_set_gp(&raw const __rivet_global_pointer as usize);
        __rivet_csrw(MTVEC, _trap as usize);
        super::__rivet_start()
    }

    /// Every trap: rivet enables no interrupts, so this is an exception the program caused
    /// (mcause 2 illegal instruction, 5 load and 7 store access fault, ...). Reports it and stops; it never returns, so it need not save the registers it uses.
    #[link_section = ".text.trap"]
    #[no_mangle]
    pub unsafe extern "C" fn _trap() -> ! {
        let cause = __rivet_csrr(MCAUSE);
        // Numbers only: names for the causes would cost firmware about 230 bytes of flash.
        hex("\nunhandled trap: mcause 0x", cause);
        hex(", mepc 0x", __rivet_csrr(MEPC));
        hex(", mtval 0x", __rivet_csrr(MTVAL));
        crate::console::__rivet_write_str(2, "\n");
        crate::console::__rivet_exit(134)
    }

    /// Writes `label` and eight hex digits to stderr, a digit at a time: a crash path, so small over fast.
    fn hex(label: &str, value: usize) {
        crate::console::__rivet_write_str(2, label);
        let mut shift = 32;
        while shift > 0 {
            shift -= 4;
            let digit = b"0123456789abcdef"[(value >> shift) & 15];
            crate::console::__rivet_write(2, &digit, 1);
        }
    }
}
