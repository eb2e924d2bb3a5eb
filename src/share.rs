//! Share links: a tool's whole state, compressed into the URL fragment.
//!
//! The fragment never reaches a server (browsers do not send it), so a shared plan or migration stays
//! between the people who pass the link around. The format is `v1.` followed by the base64url (no
//! padding) of the raw-deflated JSON of the state. Decoding untrusted links never panics, refuses to
//! inflate more than [`MAX_DECODED_BYTES`], and says what is wrong with a link.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// Version prefix of the current link format; a future format gets a new prefix.
pub const PREFIX: &str = "v1.";

/// Largest state a link may inflate to. Real states are far smaller; this stops a crafted link from
/// exhausting memory (a "zip bomb").
pub const MAX_DECODED_BYTES: usize = 4 * 1024 * 1024;

/// Links longer than this may be cut by chat apps, mail clients and some browsers; the UI warns.
pub const LONG_URL_WARNING: usize = 8_000;

/// Deflate level: the best ratio; states are small, so speed does not matter.
const LEVEL: u8 = 9;

/// Why a share link could not be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    /// The fragment is empty.
    Empty,
    /// The fragment does not start with a known version prefix.
    UnknownFormat,
    /// The text after the prefix is not base64url.
    NotBase64,
    /// The data is not a deflate stream, or it is truncated.
    Corrupt,
    /// The data would inflate beyond [`MAX_DECODED_BYTES`].
    TooLarge,
    /// The data inflated, but is not a state this version of the tool understands.
    BadState(String),
}

impl std::fmt::Display for ShareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ShareError::Empty => write!(f, "the share link carries no data"),
            ShareError::UnknownFormat => write!(
                f,
                "the share link was not made by this version of pgdojo (it should start with #{PREFIX})"
            ),
            ShareError::NotBase64 => write!(
                f,
                "the share link is damaged: it contains characters a pgdojo link never has \
                 (was it cut or edited?)"
            ),
            ShareError::Corrupt => write!(
                f,
                "the share link is damaged or incomplete (was it cut when it was copied?)"
            ),
            ShareError::TooLarge => write!(
                f,
                "the share link expands to more than {} MiB, which no pgdojo state needs",
                MAX_DECODED_BYTES / (1024 * 1024)
            ),
            ShareError::BadState(detail) => {
                write!(f, "the share link's content is not valid for this tool: {detail}")
            }
        }
    }
}

impl std::error::Error for ShareError {}

/// Encodes `state` as a fragment (without the leading `#`).
pub fn encode<T: Serialize>(state: &T) -> String {
    // Serialising our own state types to JSON cannot fail (string keys, no non-finite floats are
    // rejected by serde_json as null); fall back to an empty object rather than panic.
    let json = serde_json::to_vec(state).unwrap_or_else(|_| b"{}".to_vec());
    let compressed = miniz_oxide::deflate::compress_to_vec(&json, LEVEL);
    format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(compressed))
}

/// Decodes a fragment (with or without the leading `#`) into a state.
pub fn decode<T: DeserializeOwned>(fragment: &str) -> Result<T, ShareError> {
    let json = decode_json(fragment)?;
    serde_json::from_slice(&json).map_err(|e| ShareError::BadState(e.to_string()))
}

/// Decodes a fragment into its JSON bytes, checking the format but not the state's shape.
pub fn decode_json(fragment: &str) -> Result<Vec<u8>, ShareError> {
    let fragment = fragment.trim();
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.is_empty() {
        return Err(ShareError::Empty);
    }
    let payload = fragment
        .strip_prefix(PREFIX)
        .ok_or(ShareError::UnknownFormat)?;
    let compressed = URL_SAFE_NO_PAD.decode(payload).map_err(|e| match e {
        base64::DecodeError::InvalidByte(..) => ShareError::NotBase64,
        // A wrong length or last symbol: the link was cut short.
        _ => ShareError::Corrupt,
    })?;
    miniz_oxide::inflate::decompress_to_vec_with_limit(&compressed, MAX_DECODED_BYTES).map_err(
        |e| match e.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => ShareError::TooLarge,
            _ => ShareError::Corrupt,
        },
    )
}

/// Whether a link with this fragment is long enough that some apps may cut it.
pub fn is_long(fragment: &str) -> bool {
    fragment.len() > LONG_URL_WARNING
}
