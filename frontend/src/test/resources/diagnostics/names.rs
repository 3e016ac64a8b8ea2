use missing::Thing;

fn main() {
    let x = undefined_value + 1;
    let y: Unknown = 5;
    nowhere();
}
