//! Control-flow facts of a body: successors, predecessors, reverse postorder, dominators and natural loops.
//!
//! Every analysis is computed from the blocks as they are; a pass that changes the CFG recomputes it.

use crate::{BlockId, Body};

/// The edges of a body's control-flow graph and an order to visit it in.
#[derive(Clone, Debug)]
pub struct Cfg {
    pub succs: Vec<Vec<BlockId>>,
    pub preds: Vec<Vec<BlockId>>,
    /// The blocks reachable from the entry, in reverse postorder (the entry first).
    pub rpo: Vec<BlockId>,
    /// The position of each block in `rpo`; `usize::MAX` for unreachable blocks.
    pub rpo_index: Vec<usize>,
}

impl Cfg {
    pub fn new(body: &Body) -> Cfg {
        let n = body.blocks.len();
        let succs: Vec<Vec<BlockId>> = body
            .blocks
            .iter()
            .map(|b| b.terminator.successors())
            .collect();
        let mut preds = vec![Vec::new(); n];
        for (b, ss) in succs.iter().enumerate() {
            for s in ss {
                if !preds[s.index()].contains(&BlockId(b as u32)) {
                    preds[s.index()].push(BlockId(b as u32));
                }
            }
        }
        // Iterative depth-first walk for the postorder.
        let mut post = Vec::with_capacity(n);
        let mut seen = vec![false; n];
        if n > 0 {
            let mut stack = vec![(0usize, 0usize)];
            seen[0] = true;
            while let Some(&mut (b, ref mut i)) = stack.last_mut() {
                if let Some(s) = succs[b].get(*i) {
                    *i += 1;
                    if !seen[s.index()] {
                        seen[s.index()] = true;
                        stack.push((s.index(), 0));
                    }
                } else {
                    post.push(BlockId(b as u32));
                    stack.pop();
                }
            }
        }
        post.reverse();
        let mut rpo_index = vec![usize::MAX; n];
        for (i, b) in post.iter().enumerate() {
            rpo_index[b.index()] = i;
        }
        Cfg {
            succs,
            preds,
            rpo: post,
            rpo_index,
        }
    }

    /// Whether the block is reachable from the entry.
    pub fn reachable(&self, b: BlockId) -> bool {
        self.rpo_index[b.index()] != usize::MAX
    }
}

/// The dominator tree of the reachable blocks.
#[derive(Clone, Debug)]
pub struct Dominators {
    /// The immediate dominator of each block (the entry's is itself; unreachable blocks have none).
    pub idom: Vec<Option<BlockId>>,
    /// Depth in the dominator tree, for quick dominance tests.
    depth: Vec<u32>,
}

impl Dominators {
    /// Computes the tree with the iterative algorithm of Cooper, Harvey and Kennedy.
    pub fn new(cfg: &Cfg) -> Dominators {
        let n = cfg.succs.len();
        let mut idom: Vec<Option<BlockId>> = vec![None; n];
        if let Some(&entry) = cfg.rpo.first() {
            idom[entry.index()] = Some(entry);
        }
        let intersect = |idom: &[Option<BlockId>], mut a: BlockId, mut b: BlockId| {
            while a != b {
                while cfg.rpo_index[a.index()] > cfg.rpo_index[b.index()] {
                    a = idom[a.index()].expect("processed");
                }
                while cfg.rpo_index[b.index()] > cfg.rpo_index[a.index()] {
                    b = idom[b.index()].expect("processed");
                }
            }
            a
        };
        let mut changed = true;
        while changed {
            changed = false;
            for &b in cfg.rpo.iter().skip(1) {
                let mut new: Option<BlockId> = None;
                for &p in &cfg.preds[b.index()] {
                    if idom[p.index()].is_none() {
                        continue;
                    }
                    new = Some(match new {
                        None => p,
                        Some(cur) => intersect(&idom, p, cur),
                    });
                }
                if new.is_some() && idom[b.index()] != new {
                    idom[b.index()] = new;
                    changed = true;
                }
            }
        }
        let mut depth = vec![0u32; n];
        for &b in cfg.rpo.iter().skip(1) {
            if let Some(d) = idom[b.index()] {
                depth[b.index()] = depth[d.index()] + 1;
            }
        }
        Dominators { idom, depth }
    }

    /// Whether `a` dominates `b` (every block dominates itself); false for unreachable blocks.
    pub fn dominates(&self, a: BlockId, mut b: BlockId) -> bool {
        if self.idom[a.index()].is_none() || self.idom[b.index()].is_none() {
            return false;
        }
        while self.depth[b.index()] > self.depth[a.index()] {
            b = self.idom[b.index()].expect("reachable");
        }
        a == b
    }
}

/// A natural loop: the blocks that reach a back edge's source without passing its header.
#[derive(Clone, Debug)]
pub struct Loop {
    pub header: BlockId,
    /// The sources of the back edges to the header.
    pub latches: Vec<BlockId>,
    /// Membership by block index, the header included.
    pub blocks: Vec<bool>,
}

impl Loop {
    pub fn contains(&self, b: BlockId) -> bool {
        self.blocks.get(b.index()).copied().unwrap_or(false)
    }

    /// The number of blocks in the loop.
    pub fn size(&self) -> usize {
        self.blocks.iter().filter(|x| **x).count()
    }
}

/// The natural loops of a body, innermost (smallest) first; loops sharing a header are merged.
pub fn natural_loops(cfg: &Cfg, doms: &Dominators) -> Vec<Loop> {
    let n = cfg.succs.len();
    let mut loops: Vec<Loop> = Vec::new();
    for &b in &cfg.rpo {
        for &h in &cfg.succs[b.index()] {
            if !doms.dominates(h, b) {
                continue;
            }
            let idx = match loops.iter().position(|l| l.header == h) {
                Some(i) => i,
                None => {
                    let mut blocks = vec![false; n];
                    blocks[h.index()] = true;
                    loops.push(Loop {
                        header: h,
                        latches: Vec::new(),
                        blocks,
                    });
                    loops.len() - 1
                }
            };
            let l = &mut loops[idx];
            l.latches.push(b);
            let mut work = vec![b];
            while let Some(x) = work.pop() {
                if !l.blocks[x.index()] {
                    l.blocks[x.index()] = true;
                    work.extend(
                        cfg.preds[x.index()]
                            .iter()
                            .copied()
                            .filter(|p| cfg.reachable(*p)),
                    );
                }
            }
        }
    }
    loops.sort_by_key(Loop::size);
    loops
}
