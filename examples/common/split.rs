//! The fixed split of every page data set into a half we tune on and a half we only check
//! on (issue 18). Decided before any error was looked at, and never changed since: a page
//! belongs to the *tune* half when the first byte of the BLAKE3 hash of its file name (as
//! stored in the data set: `<id>.html.gz` in articles-bench, `r-aclu.html` in page-dates) is
//! even, to the *check* half when it is odd. Rules are found on the tune half; a rule is kept
//! only if it does not lose on the check half.

/// Which half a page is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Half {
    Tune,
    Check,
}

impl Half {
    pub fn of(file_name: &str) -> Half {
        if blake3::hash(file_name.as_bytes()).as_bytes()[0] % 2 == 0 {
            Half::Tune
        } else {
            Half::Check
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Half::Tune => "tune",
            Half::Check => "check",
        }
    }
}

/// `--half tune|check|all` from the command line (`None` = all pages).
pub fn half_arg(args: &[String]) -> Option<Half> {
    let i = args.iter().position(|a| a == "--half")?;
    match args.get(i + 1).map(String::as_str) {
        Some("tune") => Some(Half::Tune),
        Some("check") => Some(Half::Check),
        _ => None,
    }
}
