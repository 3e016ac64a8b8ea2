// Statics and consts that hold references: slices of other statics (their length must be the
// array's), places inside statics (&TABLE[1].field), &mut data in static mut (it must live in
// RAM, not flash), &str and slices nested in arrays, structs, tuples and enums, consts used in
// statics and statics read by other statics.
static ARR: [u8; 3] = [7, 8, 9];
static D: &[u8] = &ARR;
const CARR: [u16; 4] = [1, 2, 3, 4];
static E: &[u16] = &CARR;
static F: &[u8; 3] = &ARR;
static G: &[i32] = &[1, 2, 3, 4];
static mut BUF: [i32; 2] = [1, 2];
static mut T: &'static mut [i32] = unsafe { &mut BUF };
static mut T2: &'static mut [i32] = unsafe { &mut *core::ptr::addr_of_mut!(BUF) };
static mut TEST: &'static mut [i32] = &mut [1, 2];
static mut ARR3: &'static mut [u32; 3] = &mut [0u32; 3];
static S: &str = "hello";
const CS: &str = "const str";
static S2: &str = CS;
static NAMES: [&str; 3] = ["a", "bb", "ccc"];
static SLICES: [&[u8]; 2] = [&[1, 2], &[3, 4, 5]];
static RS: [&[u8]; 2] = [&ARR, b"xyzw"];

struct Named {
    name: &'static str,
    data: &'static [u16],
    n: u8,
}

static NS: [Named; 2] = [Named { name: "one", data: &[1], n: 1 }, Named { name: "two", data: &CARR, n: 2 }];
static PN: &Named = &NS[1];
const CN: Named = Named { name: "cn", data: &[9, 8, 7], n: 3 };
static SN: Named = CN;
static REFS: [&u8; 2] = [&ARR[0], &ARR[2]];
static NESTED: &[&[&str]] = &[&["x", "y"], &[], &["z"]];
static BS: &[u8] = b"bytes";
static BA: &[u8; 5] = b"bytes";
static TUP: (&str, &[u8], u32) = ("tup", &[1, 2], 7);
const CSL: &[u32] = &[10, 20, 30];
static FROMC: &[u32] = CSL;
const CD: &[u8] = &ARR;
const CR: &u8 = &ARR[1];
const TABLE: &[(&str, u32)] = &[("one", 1), ("two", 2), ("three", 3)];
static STABLE: &[(&str, u32)] = TABLE;

enum Cmd {
    Quit,
    Say(&'static str),
    Data(&'static [u8]),
}

static CMDS: [Cmd; 3] = [Cmd::Say("hi"), Cmd::Data(&ARR), Cmd::Quit];
const CCMD: Cmd = Cmd::Data(b"xyz");
static mut MM: u32 = 3;
static mut PM: *mut u32 = &raw mut MM;
static mut PM2: &mut u32 = unsafe { &mut MM };
static mut P: *const u8 = &ARR as *const [u8; 3] as *const u8;
static mut MS: [&mut [u8]; 2] = [&mut [1], &mut [2, 3]];
static RR: &&str = &"double";
static GRID: [[u8; 2]; 2] = [[1, 2], [3, 4]];
static ROW: &[u8] = &GRID[1];
static CELL: &u8 = &GRID[1][0];

fn f1() -> u32 {
    11
}

fn f2() -> u32 {
    22
}

static FNS: [fn() -> u32; 2] = [f1, f2];
static FNR: &[fn() -> u32] = &[f1, f2, f1];

struct Pt {
    x: i32,
    y: i32,
}

static PTS: [Pt; 2] = [Pt { x: 1, y: 2 }, Pt { x: 3, y: 4 }];
static PY: &i32 = &PTS[1].y;
static CHAIN: &[u8] = CD;
static CHAIN2: &u8 = &CHAIN[2];
static EMPTY: &[u32] = &[];
static ESTR: &str = "";
static UNI: &str = "héllo→";
static AB: &[u8] = "abc".as_bytes();
static ARR2: [u8; 3] = *b"xyz";
static LEN: [u8; b"ab".len()] = [1, 2];

mod inner {
    pub static IN: [u16; 2] = [100, 200];
    pub static INR: &[u16] = &IN;
}

static OUTR: &u16 = &inner::IN[1];
static REFREF: &&[u16] = &inner::INR;
static mut COUNTERS: [u32; 4] = [0; 4];
static mut CUR: &mut u32 = unsafe { &mut COUNTERS[2] };
static mut SL: &mut [u32] = unsafe { &mut COUNTERS };
static mut GRID2: &mut [[u8; 2]] = &mut [[1, 2], [3, 4]];
static STRS: &[&str] = &["s1", "s22"];
static LASTS: &str = STRS[1];
static SUM: u32 = PTS[0].x as u32 + *PY as u32 + inner::IN[0] as u32;

struct Dev {
    regs: &'static [u32],
    name: &'static str,
}

static DEV: Dev = Dev { regs: &[1, 2, 3], name: "uart" };
static DEVS: [&Dev; 2] = [&DEV, &DEV];

fn show(c: &Cmd) {
    match c {
        Cmd::Quit => println!("quit"),
        Cmd::Say(s) => println!("say {}", s),
        Cmd::Data(d) => println!("data {} {}", d.len(), d[d.len() - 1]),
    }
}

fn main() {
    println!("{} {} {}", D.len(), D[0], D[2]);
    println!("{} {}", E.len(), E[3]);
    println!("{} {}", F.len(), F[1]);
    println!("{} {}", G.len(), G[3]);
    unsafe {
        println!("T {}", T.len());
        T[0] = 5;
        println!("{} {}", BUF[0], T[1]);
        println!("T2 {}", T2.len());
        T2[1] = 6;
        println!("{} {}", BUF[1], T[1]);
        TEST[0] = 10;
        println!("{} {} {}", TEST.len(), TEST[0], TEST[1]);
        ARR3[2] = 4;
        println!("{} {}", ARR3.len(), ARR3[2]);
    }
    println!("{} {}", S, S.len());
    println!("{} {}", S2, S2.len());
    for n in NAMES.iter() {
        print!("{} ", n);
    }
    println!();
    println!("{} {} {}", SLICES[0].len(), SLICES[1].len(), SLICES[1][2]);
    println!("{} {} {}", RS[0].len(), RS[1].len(), RS[1][3]);
    for n in NS.iter() {
        println!("{} {} {} {}", n.name, n.data.len(), n.data[n.data.len() - 1], n.n);
    }
    println!("{} {}", PN.name, PN.data.len());
    println!("{} {} {}", SN.name, SN.data.len(), SN.data[2]);
    println!("{} {}", *REFS[0], *REFS[1]);
    println!("{} {} {} {}", NESTED.len(), NESTED[0].len(), NESTED[1].len(), NESTED[2][0]);
    println!("{} {} {}", BS.len(), BA.len(), BA[4]);
    println!("{} {} {}", TUP.0, TUP.1.len(), TUP.2);
    println!("{} {}", FROMC.len(), FROMC[2]);
    println!("{} {}", CSL.len(), CN.name);
    println!("{} {} {}", CD.len(), CD[2], *CR);
    let local = CD;
    println!("{}", local.len());
    for (n, v) in TABLE.iter() {
        print!("{}={} ", n, v);
    }
    println!("{}", STABLE.len());
    for c in CMDS.iter() {
        show(c);
    }
    show(&CCMD);
    unsafe {
        *PM += 1;
        *PM2 += 10;
        println!("{} {}", MM, *PM);
        MS[1][1] = 9;
        MS[0][0] += 1;
        println!("{} {} {}", MS[1][1], MS[0][0], MS[1].len());
        println!("{}", *P.add(2));
    }
    println!("{} {}", RR, RR.len());
    println!("{} {} {}", ROW.len(), ROW[0], *CELL);
    println!("{} {} {}", FNS[0](), FNS[1](), FNR.len());
    println!("{} {}", FNR[2](), *PY);
    println!("{} {}", CHAIN.len(), *CHAIN2);
    println!("{} {} {}", EMPTY.len(), ESTR.len(), UNI.len());
    println!("{}", UNI);
    println!("{} {}", AB.len(), AB[2]);
    println!("{} {}", ARR2[0], LEN.len());
    println!("{} {} {}", inner::INR.len(), *OUTR, REFREF[0]);
    unsafe {
        *CUR += 5;
        SL[3] = 7;
        println!("{} {} {}", COUNTERS[2], SL.len(), SL[3]);
        GRID2[1][0] = 30;
        println!("{} {}", GRID2.len(), GRID2[1][0]);
    }
    println!("{} {} {}", STRS.len(), LASTS, SUM);
    println!("{}", D.as_ptr() == ARR.as_ptr());
    println!("{}", DEVS[0] as *const Dev == DEVS[1] as *const Dev);
    println!("{}", DEVS[0] as *const Dev == &DEV as *const Dev);
    println!("{} {}", DEVS[1].name, DEVS[1].regs[2]);
    unsafe {
        println!("{}", SL.as_ptr() == COUNTERS.as_ptr());
    }
}
