//! Independent ledger generators for the evaluation (`chipwatch assess eval`), each written
//! from its own public sources and none from the engine: they share only the ledger schema.

pub mod benign_market;
pub mod bis_guidance;
pub mod case_narratives;
