//! Example inputs for the tools' galleries, drawn from the scenarios of the articles pgdojo grew
//! from. Pure data, so tests can hold each example to what its title promises.

pub mod migrations;
pub mod plans;
