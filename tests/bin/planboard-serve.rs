//! Serves a built planboard (default `dist/`) on 127.0.0.1 for a person to open, with the
//! same server the browser tests use.
//!
//! Usage: planboard-serve [DIR] [--port N] [--base /sub/path/]
//! (`--port 0`, the default, picks a free port; scripts/run.sh passes `$PORT`.)

use std::process::ExitCode;

use planboard_browser_tests::Site;

struct Options {
    dir: String,
    port: u16,
    base: String,
}

fn parse(mut args: impl Iterator<Item = String>) -> Result<Options, String> {
    let mut options = Options {
        dir: "dist".to_owned(),
        port: 0,
        base: "/".to_owned(),
    };
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--port" => {
                let value = args.next().ok_or("--port needs a number")?;
                options.port = value
                    .parse()
                    .map_err(|_| format!("--port: `{value}` is not a port number"))?;
            }
            "--base" => {
                options.base = args
                    .next()
                    .ok_or("--base needs a path such as /planboard/")?
            }
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            dir => options.dir = dir.to_owned(),
        }
    }
    Ok(options)
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let options = match parse(std::env::args().skip(1)) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("planboard-serve: {message}\nusage: planboard-serve [DIR] [--port N] [--base /sub/path/]");
            return ExitCode::from(2);
        }
    };
    let site = match Site::start_on(&options.dir, &options.base, options.port).await {
        Ok(site) => site,
        Err(error) => {
            eprintln!(
                "planboard-serve: cannot serve {} on port {}: {error}",
                options.dir, options.port
            );
            return ExitCode::FAILURE;
        }
    };
    println!("planboard is served at {}", site.url(""));
    println!("(serving {}; press Ctrl-C to stop)", site.root().display());
    tokio::select! {
        _ = site.serve_forever() => {}
        _ = tokio::signal::ctrl_c() => println!("stopped"),
    }
    ExitCode::SUCCESS
}
