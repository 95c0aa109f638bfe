//! The recovery code of an encrypted journal: its 32-byte database key itself, written so that
//! a person can copy it onto paper and type it back.
//!
//! 32 key bytes and a 2-byte check (CRC-16/CCITT of the key) are written in Crockford's
//! base32 (digits and capitals without I, L, O and U, so nothing reads as something else):
//! 55 characters in eleven groups of five, `7K2QF-…`. Reading it back ignores case, spaces and
//! dashes, and takes O for 0 and I or L for 1; the check catches a mistyped character.

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const KEY_LEN: usize = 32;
const CHARS: usize = 55; // ceil(34 * 8 / 5)
const GROUP: usize = 5;

/// Why a typed recovery code was not accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    #[error("a recovery code has 55 letters and digits (eleven groups of five); this has {0}")]
    Length(usize),
    #[error("a recovery code has only digits and the letters A to Z without U; {0:?} is not one")]
    Character(char),
    #[error("this recovery code has a mistyped character; please compare it with the paper again")]
    Check,
}

/// The recovery code for `key`, in groups of five joined by dashes.
pub fn encode(key: &[u8; KEY_LEN]) -> String {
    let mut bytes = key.to_vec();
    bytes.extend_from_slice(&crc16(key).to_be_bytes());
    let mut out = String::with_capacity(CHARS + CHARS / GROUP);
    let (mut acc, mut bits) = (0u32, 0u32);
    let mut n = 0;
    let mut push = |index: u32, out: &mut String| {
        if n > 0 && n % GROUP == 0 {
            out.push('-');
        }
        out.push(char::from(ALPHABET[index as usize]));
        n += 1;
    };
    for b in bytes {
        acc = (acc << 8) | u32::from(b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            push((acc >> bits) & 31, &mut out);
        }
        acc &= (1 << bits) - 1;
    }
    if bits > 0 {
        push((acc << (5 - bits)) & 31, &mut out);
    }
    out
}

/// The key in a typed recovery code.
pub fn decode(typed: &str) -> Result<[u8; KEY_LEN], CodeError> {
    let mut values = Vec::with_capacity(CHARS);
    for c in typed.chars() {
        if c.is_whitespace() || c == '-' {
            continue;
        }
        let c = match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            other => other,
        };
        let value = u8::try_from(c)
            .ok()
            .and_then(|b| ALPHABET.iter().position(|a| *a == b))
            .ok_or(CodeError::Character(c))?;
        values.push(value as u32);
    }
    if values.len() != CHARS {
        return Err(CodeError::Length(values.len()));
    }
    let mut bytes = Vec::with_capacity(KEY_LEN + 2);
    let (mut acc, mut bits) = (0u32, 0u32);
    for v in values {
        acc = (acc << 5) | v;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            bytes.push(((acc >> bits) & 0xff) as u8);
        }
        acc &= (1 << bits) - 1;
    }
    // 275 bits were typed for 272: the last three must be zero.
    if bytes.len() != KEY_LEN + 2 || acc != 0 {
        return Err(CodeError::Check);
    }
    let mut key = [0u8; KEY_LEN];
    key.copy_from_slice(&bytes[..KEY_LEN]);
    let check = u16::from_be_bytes([bytes[KEY_LEN], bytes[KEY_LEN + 1]]);
    if check != crc16(&key) {
        return Err(CodeError::Check);
    }
    Ok(key)
}

/// Whether `typed` has the shape of a recovery code (whatever its check says), so that a
/// passphrase prompt can tell a code from a passphrase.
pub fn looks_like_a_code(typed: &str) -> bool {
    let chars: Vec<char> = typed
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    chars.len() == CHARS
        && chars.iter().all(|c| c.is_ascii_alphanumeric())
        && typed.trim().matches('-').count() >= 8
}

/// CRC-16/CCITT-FALSE.
fn crc16(bytes: &[u8]) -> u16 {
    let mut crc: u16 = 0xffff;
    for b in bytes {
        crc ^= u16::from(*b) << 8;
        for _ in 0..8 {
            crc = if crc & 0x8000 != 0 {
                (crc << 1) ^ 0x1021
            } else {
                crc << 1
            };
        }
    }
    crc
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(seed: u8) -> [u8; 32] {
        std::array::from_fn(|i| (i as u8).wrapping_mul(37).wrapping_add(seed))
    }

    #[test]
    fn a_code_is_eleven_groups_of_five_and_reads_back_as_the_key() {
        for seed in [0u8, 1, 99, 255] {
            let code = encode(&key(seed));
            assert_eq!(code.len(), 55 + 10, "{code}");
            assert_eq!(code.split('-').count(), 11);
            assert!(code.split('-').all(|g| g.len() == 5));
            assert!(looks_like_a_code(&code));
            assert_eq!(decode(&code), Ok(key(seed)));
        }
        assert_eq!(decode(&encode(&[0xff; 32])), Ok([0xff; 32]));
    }

    #[test]
    fn case_spaces_and_look_alike_letters_are_forgiven() {
        let code = encode(&key(7));
        let typed = code
            .to_lowercase()
            .replace('-', " ")
            .replace('0', "o")
            .replace('1', "l");
        assert_eq!(decode(&typed), Ok(key(7)));
    }

    #[test]
    fn a_mistyped_or_cut_code_is_refused_with_the_reason() {
        let code = encode(&key(3));
        let mut chars: Vec<char> = code.chars().collect();
        chars[7] = if chars[7] == 'A' { 'B' } else { 'A' };
        let typo: String = chars.into_iter().collect();
        assert_eq!(decode(&typo), Err(CodeError::Check));
        assert_eq!(decode(&code[..20]), Err(CodeError::Length(17)));
        assert_eq!(
            decode(&code.replacen('-', "U", 1)),
            Err(CodeError::Character('U'))
        );
        assert!(!looks_like_a_code("correct horse battery staple"));
    }
}
