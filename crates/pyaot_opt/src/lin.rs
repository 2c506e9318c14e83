//! Linear forms `k + Σ c·x` over locals, with exact (128-bit) coefficients.

use std::collections::BTreeMap;

use pyaot_mir::Local;

/// A linear form over atoms (locals that stand for one value where the form is used).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Lin {
    pub terms: BTreeMap<Local, i128>,
    pub k: i128,
}

impl Lin {
    pub fn konst(k: i128) -> Lin {
        Lin {
            terms: BTreeMap::new(),
            k,
        }
    }

    pub fn atom(l: Local) -> Lin {
        Lin {
            terms: BTreeMap::from([(l, 1)]),
            k: 0,
        }
    }

    /// `self + c * other`, or `None` if a coefficient leaves a safe range.
    pub fn add_scaled(&self, other: &Lin, c: i128) -> Option<Lin> {
        const LIMIT: i128 = 1 << 100;
        let mut out = self.clone();
        out.k = out.k.checked_add(other.k.checked_mul(c)?)?;
        for (a, v) in &other.terms {
            let e = out.terms.entry(*a).or_insert(0);
            *e = e.checked_add(v.checked_mul(c)?)?;
            if *e == 0 {
                out.terms.remove(a);
            }
        }
        let big = out.k.abs() > LIMIT || out.terms.values().any(|v| v.abs() > LIMIT);
        (!big).then_some(out)
    }

    pub fn add(&self, other: &Lin) -> Option<Lin> {
        self.add_scaled(other, 1)
    }

    pub fn sub(&self, other: &Lin) -> Option<Lin> {
        self.add_scaled(other, -1)
    }

    pub fn scale(&self, c: i128) -> Option<Lin> {
        Lin::konst(0).add_scaled(self, c)
    }

    /// The constant, when the form has no atoms.
    pub fn as_const(&self) -> Option<i128> {
        self.terms.is_empty().then_some(self.k)
    }
}
