//! A learned second opinion: linear models over the check's own normalised words, for the
//! non-apologies whose wording no pattern has seen. The patterns catch the wordings they know
//! and their near relatives; writers who never saw the check keep finding new ones (each fresh
//! set of non-apologies was about half missed by the patterns alone), and word statistics over
//! every table carry further. Used for a whole draft only (`apology check`), and only when the
//! patterns found nothing: it never reads one part of a structured apology, whose short texts
//! it was not trained to judge.
//!
//! Features are the words of each clause as `normalise` reads them (so "dont", "don't" and "do
//! not" are one), each word and each pair of neighbouring words (with the clause start as a
//! word), where a word after "not", "never" or "no" in the same clause is marked as negated.
//! They are hashed into a fixed number of buckets and scaled so that a text's features have
//! length one (a long heartfelt paragraph and a short text weigh the same).
//!
//! One logistic model says how likely the text is a non-apology; one per kind (one against the
//! rest, trained on non-apologies only) names the kind. The weights are compiled in
//! (`model.bin`, little-endian `i16` in units of 1/1024, read in place: nothing is parsed or
//! loaded at run time). They are trained by a test, deterministically (fixed order, fixed seed),
//! from the tables; see `eval.rs` and docs/apology-check.md.

use super::Kind;
use super::normalise::{Tok, Token};

/// Buckets of the non-apology model and of each kind model.
pub(super) const BUCKETS: usize = 1 << 15;
pub(super) const KIND_BUCKETS: usize = 1 << 12;
/// Weights are stored as `i16` in units of 1/SCALE.
const SCALE: f64 = 1024.0;
/// The probability from which the model's opinion is a finding, when the patterns found
/// nothing: chosen on sets it was not trained on (docs/apology-check.md).
pub(super) const THRESHOLD: f64 = 0.8;

const WEIGHTS: &[u8] = include_bytes!("model.bin");

/// The layout of `model.bin`: the non-apology model (bias, then its buckets), then each kind
/// model in `Kind::ALL` order (bias, then its buckets).
#[cfg(test)]
pub(super) const LEN: usize = 1 + BUCKETS + KINDS.len() * (1 + KIND_BUCKETS);

/// The kinds a table names, each with its own model: every kind but the last, `NoApology`,
/// which is said of a draft with none of the parts.
pub(super) const KINDS: &[Kind] = Kind::ALL.split_at(Kind::ALL.len() - 1).0;

fn fnv1a(bytes: impl Iterator<Item = u8>) -> u64 {
    bytes.fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// One hashed feature: its hash, and the clause it comes from.
#[derive(Clone, Copy, Debug)]
pub(super) struct Feature {
    pub hash: u64,
    pub clause: usize,
}

/// A text's features, and the scale that gives them length one.
pub(super) struct Features {
    pub list: Vec<Feature>,
    pub value: f64,
    /// Byte range of each clause's words in the text.
    pub clauses: Vec<(usize, usize)>,
}

pub(super) fn hash_of(parts: &[&str]) -> u64 {
    fnv1a(
        parts
            .iter()
            .flat_map(|p| p.bytes().chain(std::iter::once(0))),
    )
}

pub(super) fn features(toks: &[Token]) -> Features {
    let mut list = Vec::new();
    let mut clauses = Vec::new();
    let mut clause: Vec<&Token> = Vec::new();
    let mut flush = |clause: &mut Vec<&Token>, list: &mut Vec<Feature>| {
        if clause.is_empty() {
            return;
        }
        let id = clauses.len();
        clauses.push((clause[0].start, clause[clause.len() - 1].end));
        let mut negated = false;
        let mut prev = "<s>";
        for t in clause.iter() {
            let w = t.word.as_str();
            let mark = if negated { "!" } else { "" };
            list.push(Feature {
                hash: hash_of(&["u", mark, w]),
                clause: id,
            });
            list.push(Feature {
                hash: hash_of(&["b", prev, w]),
                clause: id,
            });
            if matches!(w, "not" | "never" | "no") {
                negated = true;
            }
            prev = w;
        }
        clause.clear();
    };
    for t in toks {
        match t.tok {
            Tok::Word => clause.push(t),
            Tok::Clause | Tok::Sentence | Tok::Quote => flush(&mut clause, &mut list),
        }
    }
    flush(&mut clause, &mut list);
    let value = if list.is_empty() {
        0.0
    } else {
        1.0 / (list.len() as f64).sqrt()
    };
    Features {
        list,
        value,
        clauses,
    }
}

/// The stored weight at `index` (0 when the file is shorter, which a test rules out).
fn stored(index: usize) -> f64 {
    match WEIGHTS.get(2 * index..2 * index + 2) {
        Some(b) => f64::from(i16::from_le_bytes([b[0], b[1]])) / SCALE,
        None => 0.0,
    }
}

/// A linear model's weights: a bias and buckets, read from a slice of floats or from the
/// compiled-in file.
pub(super) trait Weights {
    fn bias(&self, model: usize) -> f64;
    fn weight(&self, model: usize, bucket: usize) -> f64;
}

/// The start of each model in the flat layout, and its bucket count. Model 0 is the
/// non-apology model, model 1 + k the kind `KINDS[k]`.
pub(super) fn layout(model: usize) -> (usize, usize) {
    if model == 0 {
        (0, BUCKETS)
    } else {
        (1 + BUCKETS + (model - 1) * (1 + KIND_BUCKETS), KIND_BUCKETS)
    }
}

pub(super) fn bucket(hash: u64, buckets: usize) -> usize {
    (hash % buckets as u64) as usize
}

/// The compiled-in weights.
pub(super) struct Compiled;

impl Weights for Compiled {
    fn bias(&self, model: usize) -> f64 {
        stored(layout(model).0)
    }
    fn weight(&self, model: usize, bucket: usize) -> f64 {
        stored(layout(model).0 + 1 + bucket)
    }
}

impl Weights for [f64] {
    fn bias(&self, model: usize) -> f64 {
        self.get(layout(model).0).copied().unwrap_or(0.0)
    }
    fn weight(&self, model: usize, bucket: usize) -> f64 {
        self.get(layout(model).0 + 1 + bucket)
            .copied()
            .unwrap_or(0.0)
    }
}

pub(super) fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

/// The linear score of one model.
pub(super) fn score(w: &(impl Weights + ?Sized), model: usize, f: &Features) -> f64 {
    let (_, buckets) = layout(model);
    w.bias(model)
        + f.list
            .iter()
            .map(|x| w.weight(model, bucket(x.hash, buckets)) * f.value)
            .sum::<f64>()
}

/// The model's opinion of a text: how likely a non-apology, the kind it most resembles and the
/// clause (byte range) that weighs most towards it.
pub(super) struct Opinion {
    pub probability: f64,
    pub kind: Kind,
    pub clause: (usize, usize),
}

pub(super) fn opinion(w: &(impl Weights + ?Sized), f: &Features) -> Option<Opinion> {
    let first = *f.clauses.first()?;
    let probability = sigmoid(score(w, 0, f));
    let mut by_clause = vec![0.0; f.clauses.len()];
    for x in &f.list {
        if let Some(c) = by_clause.get_mut(x.clause) {
            *c += w.weight(0, bucket(x.hash, BUCKETS));
        }
    }
    let clause = by_clause
        .iter()
        .enumerate()
        .fold(
            (0, f64::MIN),
            |best, (i, s)| {
                if *s > best.1 { (i, *s) } else { best }
            },
        )
        .0;
    let kind = KINDS
        .iter()
        .enumerate()
        .map(|(k, kind)| (score(w, 1 + k, f), *kind))
        .fold((f64::MIN, Kind::Justifying), |best, (s, kind)| {
            if s > best.0 { (s, kind) } else { best }
        })
        .1;
    Some(Opinion {
        probability,
        kind,
        clause: f.clauses.get(clause).copied().unwrap_or(first),
    })
}

/// Training, for the tests: plain stochastic gradient descent on the logistic loss with a
/// little L2, in a fixed shuffled order.
#[cfg(test)]
pub(super) mod train {
    use super::*;

    /// One training text: its features and, for a non-apology, its kinds.
    pub struct Example {
        pub features: Features,
        pub non_apology: bool,
        pub kinds: Vec<Kind>,
    }

    pub fn example(text: &str, non_apology: bool, kinds: Vec<Kind>) -> Example {
        let toks = super::super::normalise::tokens(text);
        Example {
            features: features(&toks),
            non_apology,
            kinds,
        }
    }

    const EPOCHS: usize = 30;
    const RATE: f64 = 0.5;
    const L2: f64 = 1e-5;

    fn fit(w: &mut [f64], model: usize, data: &[(&Features, bool)]) {
        let (start, buckets) = layout(model);
        let l2 = L2;
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut seed: u64 = 0x5eed_1234_abcd_0001;
        for epoch in 0..EPOCHS {
            // Fisher-Yates with a fixed linear congruential generator.
            for i in (1..order.len()).rev() {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                order.swap(i, ((seed >> 33) % (i as u64 + 1)) as usize);
            }
            let rate = RATE / (1.0 + epoch as f64 * 0.2);
            for &i in &order {
                let (f, y) = data[i];
                let p = sigmoid(score(&*w, model, f));
                let g = p - if y { 1.0 } else { 0.0 };
                w[start] -= rate * g;
                for x in &f.list {
                    let j = start + 1 + bucket(x.hash, buckets);
                    w[j] -= rate * (g * f.value + l2 * w[j]);
                }
            }
        }
    }

    /// All the models, trained on `data`, rounded to what the file can hold.
    pub fn train(data: &[Example]) -> Vec<f64> {
        let mut w = vec![0.0; LEN];
        let all: Vec<(&Features, bool)> =
            data.iter().map(|e| (&e.features, e.non_apology)).collect();
        fit(&mut w, 0, &all);
        for (k, kind) in KINDS.iter().enumerate() {
            let non: Vec<(&Features, bool)> = data
                .iter()
                .filter(|e| e.non_apology)
                .map(|e| (&e.features, e.kinds.contains(kind)))
                .collect();
            fit(&mut w, 1 + k, &non);
        }
        w.iter()
            .map(|v| (v * SCALE).round().clamp(-32767.0, 32767.0) / SCALE)
            .collect()
    }

    pub fn bytes(w: &[f64]) -> Vec<u8> {
        w.iter()
            .flat_map(|v| ((v * SCALE).round().clamp(-32767.0, 32767.0) as i16).to_le_bytes())
            .collect()
    }
}
