//! The console: semihosting SYS_WRITE and SYS_EXIT_EXTENDED.

const SYS_WRITE: u32 = 0x05;
const SYS_EXIT_EXTENDED: u32 = 0x20;
const ADP_STOPPED_APPLICATION_EXIT: u32 = 0x20026;

/// Writes `len` bytes at `ptr` to the host's file descriptor `fd` (1 stdout, 2 stderr).
#[no_mangle]
pub fn __rivet_write(fd: u32, ptr: *const u8, len: usize) {
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
    let block: [u32; 2] = [ADP_STOPPED_APPLICATION_EXIT, code];
    unsafe {
        rivet::semihost(SYS_EXIT_EXTENDED, &block as *const [u32; 2] as usize);
    }
    loop {}
}
