//! `dateline [PATH...]` opens the window; `dateline events|articles|timex|text` run headless.

use clap::Parser;

fn main() {
    dateline::startup::mark_start();
    let cli = dateline::cli::Cli::parse();
    match cli.command {
        Some(command) => std::process::exit(dateline::cli::run(command)),
        None => {
            if let Some(missing) = cli.paths.iter().find(|p| !p.exists()) {
                eprintln!("dateline: no such file or folder: {}", missing.display());
                std::process::exit(2);
            }
            dateline::crash::install_hook(dateline::crash::log_path());
            match dateline::crash::guard(|| dateline::gui::run(cli.paths)) {
                Ok(Ok(())) => {}
                Ok(Err(e)) => {
                    eprintln!("dateline: could not open the window: {e}");
                    std::process::exit(1);
                }
                // A panic outside a frame (a frame's own is shown in the window).
                Err(crash) => {
                    eprintln!("dateline: {}", dateline::crash::user_message(&crash));
                    std::process::exit(101);
                }
            }
        }
    }
}
