//! Stage 2: the plan as a hierarchy of urusan, bidang, program, kegiatan and sub kegiatan.

pub mod code;
pub mod plan;
