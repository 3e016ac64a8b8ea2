//! The console and the program's end. Output goes to the debugger through semihosting (the
//! default), to the board's UART (`--console uart`), or nowhere (`--console none`). Exit uses
//! semihosting where a debugger or the emulator listens (`rivet run`, `rivet test`, and
//! semihosting builds); firmware built for a UART or no console parks the core instead.

const SYS_WRITE: u32 = 0x05;
const SYS_EXIT_EXTENDED: u32 = 0x20;
const ADP_STOPPED_APPLICATION_EXIT: u32 = 0x20026;

/// Writes `len` bytes at `ptr` to the host's file descriptor `fd` (1 stdout, 2 stderr).
#[no_mangle]
pub fn __rivet_write(fd: u32, ptr: *const u8, len: usize) {
    #[cfg(rivet_console_uart)]
    {
        crate::uart::write(ptr, len);
        return;
    }
    #[cfg(rivet_console_none)]
    {
        return;
    }
    let block: [usize; 3] = [fd as usize, ptr as usize, len];
    unsafe {
        rivet::semihost(SYS_WRITE, &block as *const [usize; 3] as usize);
    }
}

#[no_mangle]
pub fn __rivet_write_str(fd: u32, s: &str) {
    __rivet_write(fd, s.as_ptr(), s.len());
}

/// Ends the program with `code` as its exit status.
#[no_mangle]
pub fn __rivet_exit(code: u32) -> ! {
    #[cfg(rivet_exit_park)]
    loop {
        core::hint::spin_loop();
    }
    let block: [u32; 2] = [ADP_STOPPED_APPLICATION_EXIT, code];
    unsafe {
        rivet::semihost(SYS_EXIT_EXTENDED, &block as *const [u32; 2] as usize);
    }
    loop {}
}
