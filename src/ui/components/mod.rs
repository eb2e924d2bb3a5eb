//! Reusable UI components shared by the tool pages.

pub mod code_editor;
pub mod share_button;
pub mod tabs;
