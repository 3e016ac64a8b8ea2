// Reads a CSR the FE310 does not have: an illegal instruction the trap vector reports.
extern "C" {
    /// rivet's RISC-V back end turns this into `csrr a0, CSR`.
    fn __rivet_csrr(csr: usize) -> usize;
}

#[inline(never)]
fn read_missing_csr() -> usize {
    unsafe { __rivet_csrr(0x7C0) }
}

fn main() {
    println!("start");
    let v = read_missing_csr();
    println!("end {}", v);
}
