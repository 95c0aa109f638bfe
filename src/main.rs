fn main() -> std::process::ExitCode {
    rekindle::main()
}
