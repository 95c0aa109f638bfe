//! The pairing code: the couple's 16-byte sync secret and two check bytes, in Crockford's
//! base32, typed on the second device as `R1-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXX`. Case,
//! spaces and hyphens do not matter; `I` and `L` read as `1`, `O` as `0`. The check bytes
//! catch a mistyped character.

use sha2::{Digest as _, Sha256};

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const TAG: &str = "R1";
/// 18 bytes (144 bits) in 5-bit characters.
const CHARS: usize = 29;

/// The sync secret the code carries.
pub type Secret = [u8; 16];

fn check_bytes(secret: &Secret) -> [u8; 2] {
    let digest = Sha256::digest([b"rekindle pairing code".as_slice(), secret].concat());
    [digest[0], digest[1]]
}

/// The code for `secret`, in groups of five.
pub fn encode(secret: &Secret) -> String {
    let mut bytes = secret.to_vec();
    bytes.extend_from_slice(&check_bytes(secret));
    let mut bits: u32 = 0;
    let mut held = 0;
    let mut chars = Vec::with_capacity(CHARS);
    for b in bytes {
        bits = (bits << 8) | u32::from(b);
        held += 8;
        while held >= 5 {
            held -= 5;
            chars.push(ALPHABET[((bits >> held) & 31) as usize]);
        }
    }
    if held > 0 {
        chars.push(ALPHABET[((bits << (5 - held)) & 31) as usize]);
    }
    let groups: Vec<String> = chars
        .chunks(5)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect();
    format!("{TAG}-{}", groups.join("-"))
}

/// The secret in a typed code, or what is wrong with it (in words for the person typing).
pub fn decode(typed: &str) -> Result<Secret, String> {
    let cleaned: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| match c.to_ascii_uppercase() {
            'I' | 'L' => '1',
            'O' => '0',
            other => other,
        })
        .collect();
    let Some(body) = cleaned.strip_prefix(TAG) else {
        return Err("a pairing code starts with R1- (copy it from the computer that ran `rekindle sync init`)".into());
    };
    let mut values = Vec::with_capacity(CHARS);
    for c in body.chars() {
        match ALPHABET.iter().position(|&a| a as char == c) {
            Some(v) => values.push(v as u32),
            None => {
                return Err(format!(
                    "a pairing code has only digits and letters; \"{c}\" is not one of them"
                ));
            }
        }
    }
    if values.len() != CHARS {
        return Err(format!(
            "a pairing code has {CHARS} characters after R1- (got {})",
            values.len()
        ));
    }
    let mut bytes = Vec::with_capacity(18);
    let mut bits: u32 = 0;
    let mut held = 0;
    for v in values {
        bits = (bits << 5) | v;
        held += 5;
        if held >= 8 {
            held -= 8;
            bytes.push(((bits >> held) & 0xff) as u8);
        }
    }
    let mut secret = [0u8; 16];
    secret.copy_from_slice(&bytes[..16]);
    // The last character carries bits beyond the 18 bytes: they are always zero, so a
    // mistake there is caught too.
    let spare = bits & ((1 << held) - 1);
    if bytes[16..18] != check_bytes(&secret) || spare != 0 {
        return Err("that pairing code has a typing mistake in it; check it against the one shown by `rekindle sync init`".into());
    }
    Ok(secret)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_single_character_mistake_is_caught() {
        let secret: Secret = [7, 200, 13, 0, 255, 42, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        let code = encode(&secret);
        let chars: Vec<char> = code.chars().collect();
        for i in TAG.len()..chars.len() {
            if chars[i] == '-' {
                continue;
            }
            for &other in ALPHABET {
                let other = other as char;
                if other == chars[i] {
                    continue;
                }
                let mut typed = chars.clone();
                typed[i] = other;
                let typed: String = typed.into_iter().collect();
                assert!(decode(&typed).is_err(), "{typed} was accepted");
            }
        }
    }

    #[test]
    fn a_code_reads_back_whatever_the_case_spaces_and_lookalike_letters() {
        let secret: Secret = [7, 200, 13, 0, 255, 42, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        let code = encode(&secret);
        assert_eq!(code.len(), 3 + CHARS + 5);
        assert_eq!(decode(&code).unwrap(), secret);
        let sloppy = code
            .to_lowercase()
            .replace('-', " ")
            .replace('1', "l")
            .replace('0', "o");
        assert_eq!(decode(&sloppy).unwrap(), secret);
    }

    #[test]
    fn a_mistyped_or_short_code_is_refused_in_words() {
        let code = encode(&[1; 16]);
        let middle = code.as_bytes()[4] as char;
        let swapped = if middle == 'Z' { '0' } else { 'Z' };
        let mistyped = format!("{}{swapped}{}", &code[..4], &code[5..]);
        assert!(decode(&mistyped).unwrap_err().contains("typing mistake"));
        assert!(decode(&code[..20]).unwrap_err().contains("29 characters"));
        assert!(decode("hello").unwrap_err().contains("R1-"));
        assert!(decode("R1-UUUUU").unwrap_err().contains("\"U\""));
    }
}
