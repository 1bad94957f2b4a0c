fn main() {
    std::process::exit(tintuc::cli::main());
}
