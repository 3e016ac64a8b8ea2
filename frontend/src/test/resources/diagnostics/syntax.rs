fn main() {
    let x = 5
    let y = "unterminated;
}

fn other() {
    let z = 'ab';
    let w = 0xq;
}
