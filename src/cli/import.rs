//! `journeymap import`: a map from a Mermaid `journey` or a spreadsheet grid.

use std::path::{Path, PathBuf};

use journeymap::sheet;

use super::{Outcome, input, output};

#[derive(clap::Args)]
pub struct Args {
    /// What the input is; by default its file name says (`.mmd`, `.mermaid`, `.md`,
    /// `.csv`, `.tsv`, `.xlsx`, `.ods`).
    #[arg(long, value_enum, value_name = "FORMAT")]
    from: Option<From>,
    /// Write the map here (atomically; nothing is written when the input has problems)
    /// instead of to standard output.
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
    /// The Mermaid diagram or spreadsheet, or `-` for standard input (with `--from`).
    #[arg(value_name = "FILE")]
    file: PathBuf,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum From {
    /// A Mermaid `journey` diagram.
    Mermaid,
    /// The first ```` ```mermaid ```` block of a Markdown file.
    Markdown,
    Csv,
    Tsv,
    Xlsx,
    Ods,
}

impl From {
    fn of(path: &Path) -> Option<From> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "mmd" | "mermaid" => From::Mermaid,
            "md" | "markdown" => From::Markdown,
            "csv" => From::Csv,
            "tsv" | "tab" => From::Tsv,
            "xlsx" | "xlsm" => From::Xlsx,
            "ods" => From::Ods,
            _ => return None,
        })
    }
}

/// Inputs larger than this are refused: a journey map's grid is kilobytes.
const LIMIT: usize = 64 * 1024 * 1024;

pub fn run(args: Args) -> Outcome {
    let stdin = args.file.as_os_str() == "-";
    let Some(from) = args.from.or_else(|| From::of(&args.file)) else {
        let what = if stdin { "standard input".to_string() } else { format!("`{}`", args.file.display()) };
        output::eprint_error(&format!(
            "cannot tell what {what} is from its name; say it with --from mermaid|markdown|csv|tsv|xlsx|ods"
        ));
        return Outcome::Usage;
    };
    let source = if stdin { input::Source::Stdin } else { input::Source::File(args.file.clone()) };
    let read = match input::read(&source, LIMIT) {
        Ok(r) => r,
        Err(e) => {
            output::eprint_error(&e);
            return Outcome::Usage;
        }
    };
    if read.bytes.len() > LIMIT {
        output::eprint_error(&format!("`{}` is larger than {} MB; it is not a journey map", read.name, LIMIT >> 20));
        return Outcome::Usage;
    }
    let result = match from {
        From::Mermaid | From::Markdown => match text(&read.bytes) {
            Ok(t) => journeymap::mermaid::import(t, from == From::Markdown),
            Err(failure) => Err(failure),
        },
        From::Csv => sheet::import(&read.name, &read.bytes, sheet::Format::Csv),
        From::Tsv => sheet::import(&read.name, &read.bytes, sheet::Format::Tsv),
        From::Xlsx => sheet::import(&read.name, &read.bytes, sheet::Format::Xlsx),
        From::Ods => sheet::import(&read.name, &read.bytes, sheet::Format::Ods),
    };
    match result {
        Ok(map) => {
            let target = args.output.as_deref().filter(|p| p.as_os_str() != "-");
            output::emit(target, map.as_bytes())
        }
        Err(failure) => {
            output::eprint_diags(&read.name, &failure.source, &failure.diags);
            Outcome::Problems
        }
    }
}

/// The input as UTF-8 text (a leading byte-order mark dropped).
fn text(bytes: &[u8]) -> Result<&str, journeymap::import::Failure> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let good = e.valid_up_to();
        let source = String::from_utf8_lossy(bytes).into_owned();
        let at = String::from_utf8_lossy(&bytes[..good]).len();
        journeymap::import::Failure::one(
            source,
            journeymap::import::problem(
                journeymap::diag::Code::ImportUnreadable,
                // The lossy text has U+FFFD (three bytes) where the bad byte was.
                journeymap::Span::new(at, at + '\u{FFFD}'.len_utf8()),
                "the file is not UTF-8 text",
                "save it as UTF-8",
            ),
        )
    })
}
