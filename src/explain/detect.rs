//! Decides which syntax a (cleaned) input is written in, from its first meaningful characters.

use super::model::InputFormat;

/// Detects the format of decoration-free text.
pub fn detect(cleaned: &str) -> InputFormat {
    let t = cleaned.trim_start();
    if t.starts_with('[') || t.starts_with('{') {
        return InputFormat::Json;
    }
    if t.starts_with('<') {
        return InputFormat::Xml;
    }
    let first = t.lines().next().unwrap_or("").trim();
    if first.starts_with("- Plan:") || first == "- Plan" || first.starts_with("Plan:") {
        return InputFormat::Yaml;
    }
    InputFormat::Text
}
