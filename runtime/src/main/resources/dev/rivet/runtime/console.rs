//! The console and the program's end. Output goes to the debugger through semihosting (the
//! default), to the board's UART (`--console uart`), or nowhere (`--console none`). Exit uses
//! semihosting where a debugger or the emulator listens (`rivet run`, `rivet test`, and
//! semihosting builds); firmware built for a UART or no console parks the core instead.

const SYS_OPEN: u32 = 0x01;
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
    let block: [usize; 3] = [console_handle(fd), ptr as usize, len];
    unsafe {
        rivet::semihost(SYS_WRITE, &block as *const [usize; 3] as usize);
    }
}

/// Semihosting handles of stdout and stderr, opened on first use (0: not yet). The ARM
/// semihosting specification gives handles only through SYS_OPEN; debuggers and QEMU do not all
/// take 1 and 2 as given.
static mut CONSOLE_HANDLES: [usize; 2] = [0, 0];

fn console_handle(fd: u32) -> usize {
    let i = if fd == 2 { 1 } else { 0 };
    unsafe {
        if CONSOLE_HANDLES[i] == 0 {
            // ":tt" is the debugger's console; mode 4 ("w") opens stdout, 8 ("a") stderr
            let open: [usize; 3] = [":tt\0".as_ptr() as usize, if fd == 2 { 8 } else { 4 }, 3];
            CONSOLE_HANDLES[i] = rivet::semihost(SYS_OPEN, &open as *const [usize; 3] as usize) as usize;
        }
        CONSOLE_HANDLES[i]
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
