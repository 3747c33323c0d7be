//! Renderers: they draw a [`crate::layout::Layout`] and decide nothing about where
//! things go.

pub mod svg;
mod xml;
