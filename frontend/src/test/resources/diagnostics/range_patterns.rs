const TEN: u32 = 10;

fn main() {
    let x = 7u32;
    match x {
        0..=5 => {}
        6..=TEN => {}
        n..=20 => {}
        _ => {}
    }
    match 'q' {
        'a'..='z' => {}
        _ => {}
    }
}
