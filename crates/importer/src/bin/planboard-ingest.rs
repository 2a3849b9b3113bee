//! `planboard-ingest`: see `planboard_importer::cli` for the commands.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = planboard_importer::cli::run(&args, &mut std::io::stdout(), &mut std::io::stderr());
    std::process::exit(code);
}
