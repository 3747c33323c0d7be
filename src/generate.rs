//! Synthetic maps of any size, for benchmarks, tests and fuzzing seeds.
