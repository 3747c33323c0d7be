//! `journeymap new`: a starter map that passes `check`.

use std::path::PathBuf;

use journeymap::model::Lang;
use journeymap::templates::{self, Template};

use super::{Outcome, output};

#[derive(clap::Args)]
pub struct Args {
    /// The map to write; an existing file is never replaced.
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// The language of the labels and of the starter's phases.
    #[arg(long, value_enum, default_value_t = LangArg::En)]
    lang: LangArg,
    /// `basic`: two phases; `awareness-to-loyalty`: the classic five.
    #[arg(long, value_enum, default_value_t = TemplateArg::Basic)]
    template: TemplateArg,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum LangArg {
    En,
    Da,
    Sv,
    Nb,
    De,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum TemplateArg {
    Basic,
    AwarenessToLoyalty,
}

pub fn run(args: Args) -> Outcome {
    if args.file.exists() {
        output::eprint_error(&format!(
            "`{}` exists already; journeymap new never replaces a file",
            args.file.display()
        ));
        return Outcome::Usage;
    }
    let lang = match args.lang {
        LangArg::En => Lang::En,
        LangArg::Da => Lang::Da,
        LangArg::Sv => Lang::Sv,
        LangArg::Nb => Lang::Nb,
        LangArg::De => Lang::De,
    };
    let template = match args.template {
        TemplateArg::Basic => Template::Basic,
        TemplateArg::AwarenessToLoyalty => Template::AwarenessToLoyalty,
    };
    // Like `cargo new`, the folders on the way are made.
    if let Some(dir) = args.file.parent().filter(|d| !d.as_os_str().is_empty())
        && let Err(e) = std::fs::create_dir_all(dir)
    {
        output::eprint_error(&format!("cannot create `{}`: {e}", dir.display()));
        return Outcome::Usage;
    }
    match output::write_new(&args.file, templates::starter(lang, template).as_bytes()) {
        Ok(()) => Outcome::Clean,
        Err(e) => {
            output::eprint_error(&e);
            Outcome::Usage
        }
    }
}
