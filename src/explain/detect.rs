//! Decides which syntax a (cleaned) input is written in, from its first meaningful characters.

use std::borrow::Cow;

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

/// Index of the first line of an auto_explain YAML document (`Query Text: ...` followed by a
/// top-level `Plan:` whose map holds `Node Type:`), if the lines are one.
pub fn auto_explain_yaml_start(lines: &[Cow<'_, str>]) -> Option<usize> {
    let plan = lines.iter().position(|l| l.trim_end() == "Plan:")?;
    let nested_node = lines
        .get(plan + 1)
        .is_some_and(|l| l.starts_with(' ') && l.trim_start().starts_with("Node Type:"));
    if !nested_node {
        return None;
    }
    let start = lines[..plan]
        .iter()
        .rposition(|l| l.starts_with("Query Text:"))
        .unwrap_or(plan);
    Some(start)
}
