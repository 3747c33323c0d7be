//! Renderers: they draw a [`crate::layout::Layout`] and decide nothing about where
//! things go.

pub mod html;
#[cfg(feature = "pdf")]
pub mod pdf;
pub mod png;
pub mod svg;
mod xml;
