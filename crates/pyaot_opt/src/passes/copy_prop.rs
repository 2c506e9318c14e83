//! Copy propagation: a use of `x` after `x = y` reads `y` (or the constant) directly.
//!
//! Guarantee: only copies of stable values are propagated (`x` assigned once, `y` a constant or a
//! stable local at the copy), and only into uses the copy dominates, so every use reads the same value.

use crate::OptOptions;
use pyaot_mir::{Body, Local, Operand, Rvalue};

use crate::defs::{for_each_operand_mut, Def, Defs};

pub fn run(body: &mut Body, _opts: &OptOptions) {
    let defs = Defs::new(body);
    // The operand each single-copy local stands for, with the point of its copy.
    let mut repl: Vec<Option<(Operand, crate::defs::Point)>> = vec![None; body.locals.len()];
    for (l, def) in defs.single.iter().enumerate() {
        let Some(Def::Assign(at, Rvalue::Use(src))) = def else {
            continue;
        };
        let ok = match src {
            Operand::Const(_) => true,
            Operand::Local(y) => *y != Local(l as u32) && defs.stable_at(*y, *at).is_some(),
        };
        if ok {
            repl[l] = Some((*src, *at));
        }
    }
    // Follow chains (`a = b; c = a`), bounded so a cycle cannot loop forever.
    let resolve = |mut op: Operand, at: crate::defs::Point| -> Operand {
        for _ in 0..16 {
            let Operand::Local(l) = op else { break };
            match repl[l.index()] {
                Some((src, def_at)) if defs.point_dominates(def_at, at) => op = src,
                _ => break,
            }
        }
        op
    };
    for_each_operand_mut(body, |at, op| *op = resolve(*op, at));
}
