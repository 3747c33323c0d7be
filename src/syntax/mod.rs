//! Source bytes → lines → statements with spans. One bad line never hides the next.

pub mod ast;
mod decode;
mod parse;

pub use decode::{Decoded, decode};
pub use parse::{parse, split_lines};

#[cfg(test)]
mod tests;
