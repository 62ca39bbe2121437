//! `dateline [PATH...]` opens the window; `dateline events|articles|timex|text` run headless.

use clap::Parser;

fn main() {
    dateline::startup::mark_start();
    let cli = dateline::cli::Cli::parse();
    dateline::startup::stage("parsed");
    match cli.command {
        Some(command) => std::process::exit(dateline::cli::run(command)),
        None => {
            if let Some(missing) = cli.paths.iter().find(|p| !p.exists()) {
                eprintln!("dateline: no such file or folder: {}", missing.display());
                std::process::exit(2);
            }
            // One window per user: a window already open takes the paths (and comes to
            // the front) and this launch ends.
            if !cli.new_window
                && dateline::instance::try_hand_off(&cli.paths)
                    == dateline::instance::Outcome::Delivered
            {
                return;
            }
            dateline::startup::stage("no-window-to-hand-to");
            dateline::crash::install_hook(dateline::crash::log_path());
            let listen = !cli.new_window;
            match dateline::crash::guard(|| dateline::gui::run(cli.paths, listen)) {
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
