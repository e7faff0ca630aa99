//! Writes the search bench's 100 000 names, one per line, so `nunki catalog
//! search --names` can be compared with `fzf --filter` on the same work:
//!
//! ```sh
//! cargo run --release --example gen_names -- /tmp/names.txt
//! hyperfine "fzf --filter postgres < /tmp/names.txt" \
//!           "nunki catalog search postgres --names /tmp/names.txt"
//! ```

use std::io::Write as _;
use std::process::ExitCode;

// The bench also uses its queries; only the names are needed here.
#[allow(dead_code)]
#[path = "../benches/support/names.rs"]
mod names;

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!(
            "usage: gen_names FILE   (writes {} names, one per line)",
            names::COUNT
        );
        return ExitCode::from(2);
    };
    let mut text = names::names(names::COUNT).join("\n");
    text.push('\n');
    let written = std::fs::File::create(&path).and_then(|mut f| f.write_all(text.as_bytes()));
    match written {
        Ok(()) => {
            println!("wrote {} names to {}", names::COUNT, path.to_string_lossy());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("cannot write {}: {e}", path.to_string_lossy());
            ExitCode::from(3)
        }
    }
}
