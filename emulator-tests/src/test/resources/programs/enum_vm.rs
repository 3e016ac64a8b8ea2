enum Cmd { Nop, Push(i32), Pop, Add, Jmp(u8), Jz(u8), Halt }

enum Out { None, Value(i32), Err(u8, u32) }

fn decode(b: &[u8], pc: usize) -> (Cmd, usize) {
    match b[pc] {
        0 => (Cmd::Nop, 1),
        1 => (Cmd::Push(b[pc + 1] as i8 as i32), 2),
        2 => (Cmd::Pop, 1),
        3 => (Cmd::Add, 1),
        4 => (Cmd::Jmp(b[pc + 1]), 2),
        5 => (Cmd::Jz(b[pc + 1]), 2),
        _ => (Cmd::Halt, 1),
    }
}

fn exec(code: &[u8]) -> Out {
    let mut stack = [0i32; 8];
    let mut sp = 0usize;
    let mut pc = 0usize;
    let mut steps = 0u32;
    loop {
        steps += 1;
        if steps > 200 { return Out::Err(1, steps); }
        if pc >= code.len() { return Out::Err(2, pc as u32); }
        let (cmd, len) = decode(code, pc);
        pc += len;
        match cmd {
            Cmd::Nop => {}
            Cmd::Push(v) => { if sp == 8 { return Out::Err(3, pc as u32); } stack[sp] = v; sp += 1; }
            Cmd::Pop => { if sp == 0 { return Out::Err(4, pc as u32); } sp -= 1; }
            Cmd::Add => { if sp < 2 { return Out::Err(5, sp as u32); } stack[sp - 2] = stack[sp - 2].wrapping_add(stack[sp - 1]); sp -= 1; }
            Cmd::Jmp(t) => pc = t as usize,
            Cmd::Jz(t) => { if sp > 0 && stack[sp - 1] == 0 { pc = t as usize; } }
            Cmd::Halt => return if sp == 0 { Out::None } else { Out::Value(stack[sp - 1]) },
        }
    }
}

fn show(o: &Out) {
    match o {
        Out::None => println!("none"),
        Out::Value(v) => println!("value {}", v),
        Out::Err(c, at) => println!("error {} at {}", c, at),
    }
}

fn main() {
    let progs: [&[u8]; 5] = [
        &[1, 5, 1, 7, 3, 6],
        &[1, 0xff, 1, 1, 3, 5, 9, 1, 4, 3, 6],
        &[2, 6],
        &[4, 0],
        &[1, 1, 1, 2, 3, 3, 6],
    ];
    for p in progs {
        let o = exec(p);
        show(&o);
        let moved = o;
        if let Out::Value(v) = moved { println!("got {}", v * 2); }
    }
}
