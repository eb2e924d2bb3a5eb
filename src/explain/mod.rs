//! EXPLAIN visualizer (pure core).
//!
//! Parses whatever a client printed for `EXPLAIN` (TEXT, JSON, YAML, XML, psql-decorated) into one plan
//! model, computes inclusive and exclusive times, misestimates and buffers, and derives actionable hints.
