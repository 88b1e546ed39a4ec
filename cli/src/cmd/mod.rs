//! One module per subcommand: its arguments (clap) and what it prints.

pub(crate) mod backup;
pub(crate) mod contract;
pub(crate) mod offer;
pub(crate) mod plan;
pub(crate) mod tender;
pub(crate) mod workshop;
