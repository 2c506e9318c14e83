//! Grid runs of GPU kernels: the CPU reference of the PTX backend.
//!
//! [`run_kernel`] runs a kernel body once per thread of a grid. Blocks run one after another;
//! the threads of a block take turns, each running until it reaches `gpu_syncthreads` or
//! returns, so every thread of the block reaches a barrier before any passes it, as on a GPU.
//! Shared arrays are one region per block, local arrays one per thread, both zeroed. Atomics
//! are plain read-modify-writes, as only one thread runs at a time. A raise or failed check in
//! any thread ends the run with that exception (the PTX backend reports the first one too).

use std::collections::HashMap;

use pyaot_mir::{Callee, Dtype, RtFn, SpecialReg, Stmt, Terminator};

use crate::eval::{load, store, Frame, Machine};
use crate::memory::Memory;
use crate::{Limits, Outcome, Val};

/// The shape of a launch: blocks per grid and threads per block along x, y and z.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Launch {
    pub grid: [i64; 3],
    pub block: [i64; 3],
}

/// What the running thread reads through MIR's `special` values.
#[derive(Clone, Debug, Default)]
pub struct ThreadCtx {
    /// `tid`, `ctaid`, `ntid`, `nctaid`, each x, y, z.
    regs: [[i64; 3]; 4],
    /// The block's shared arrays by id (their addresses).
    shared: HashMap<u16, i64>,
    /// The thread's local arrays by id.
    local: HashMap<u16, i64>,
}

impl ThreadCtx {
    /// The value of a `special` register, making an array's region on its first use.
    pub(crate) fn special(&mut self, r: SpecialReg, mem: &mut Memory) -> Val {
        let axis = |a: u8| a.min(2) as usize;
        Val::I64(match r {
            SpecialReg::ThreadIdx(a) => self.regs[0][axis(a)],
            SpecialReg::BlockIdx(a) => self.regs[1][axis(a)],
            SpecialReg::BlockDim(a) => self.regs[2][axis(a)],
            SpecialReg::GridDim(a) => self.regs[3][axis(a)],
            SpecialReg::Shared { id, bytes } => *self
                .shared
                .entry(id)
                .or_insert_with(|| mem.add_bytes(&vec![0; bytes as usize], 16)),
            SpecialReg::Local { id, bytes } => *self
                .local
                .entry(id)
                .or_insert_with(|| mem.add_bytes(&vec![0; bytes as usize], 16)),
        })
    }
}

/// Where a thread stopped.
enum Stop {
    Barrier,
    Done,
}

/// One thread of the block being run.
struct Thread<'b> {
    frame: Frame<'b>,
    block: usize,
    stmt: usize,
    ctx: ThreadCtx,
    done: bool,
}

/// Runs kernel `func` of the module over the grid of `launch` on `args`.
///
/// # Errors
/// The first exception a thread raised, or why the run stopped (a barrier some threads of a
/// block never reach is undefined behaviour).
pub fn run_kernel(
    module: &pyaot_mir::Module,
    func: usize,
    launch: Launch,
    args: &[Val],
    mem: &mut Memory,
    limits: &Limits,
) -> Result<(), Outcome> {
    let body = module
        .funcs
        .get(func)
        .ok_or_else(|| Outcome::Ub(format!("launch of unknown function {func}")))?;
    if !body.kernel {
        return Err(Outcome::Ub(format!("{} is not a kernel", body.name)));
    }
    let mut m = Machine {
        module,
        mem,
        limits,
        steps: 0,
        depth: 1,
        gpu: None,
    };
    let [gx, gy, gz] = launch.grid;
    let [bx, by, bz] = launch.block;
    for cz in 0..gz {
        for cy in 0..gy {
            for cx in 0..gx {
                let mut threads = Vec::new();
                for tz in 0..bz {
                    for ty in 0..by {
                        for tx in 0..bx {
                            let frame = Frame::entered(body, args)?;
                            let ctx = ThreadCtx {
                                regs: [[tx, ty, tz], [cx, cy, cz], launch.block, launch.grid],
                                ..ThreadCtx::default()
                            };
                            threads.push(Thread {
                                frame,
                                block: 0,
                                stmt: 0,
                                ctx,
                                done: false,
                            });
                        }
                    }
                }
                run_block(&mut m, &mut threads)?;
            }
        }
    }
    Ok(())
}

/// Runs the threads of one block in turns until all return.
fn run_block(m: &mut Machine, threads: &mut [Thread]) -> Result<(), Outcome> {
    let mut shared = HashMap::new();
    loop {
        let mut at_barrier = 0;
        for t in threads.iter_mut().filter(|t| !t.done) {
            t.ctx.shared = std::mem::take(&mut shared);
            m.gpu = Some(std::mem::take(&mut t.ctx));
            let stop = run_thread(m, t);
            t.ctx = m.gpu.take().unwrap_or_default();
            shared = std::mem::take(&mut t.ctx.shared);
            match stop? {
                Stop::Barrier => at_barrier += 1,
                Stop::Done => t.done = true,
            }
        }
        if at_barrier == 0 {
            return Ok(());
        }
        if threads.iter().any(|t| t.done) {
            return Err(Outcome::Ub(
                "syncthreads() not reached by every thread of the block".into(),
            ));
        }
    }
}

/// Runs one thread until it reaches a barrier or returns.
fn run_thread(m: &mut Machine, t: &mut Thread) -> Result<Stop, Outcome> {
    let strict = m.limits.strict_locals;
    let body = t.frame.body;
    loop {
        let data = &body.blocks[t.block];
        while t.stmt < data.stmts.len() {
            let s = &data.stmts[t.stmt];
            t.stmt += 1;
            m.tick()?;
            if let Stmt::Call {
                callee: RtFn::GpuSyncThreads,
                dests,
                ..
            } = s
            {
                for d in dests {
                    t.frame.set(*d, Val::I64(0));
                }
                return Ok(Stop::Barrier);
            }
            m.stmt(&mut t.frame, s)?;
        }
        m.tick()?;
        if let Some(next) = t.frame.jump(&data.terminator, strict)? {
            t.block = next;
            t.stmt = 0;
            continue;
        }
        let next = match &data.terminator {
            Terminator::Return => return Ok(Stop::Done),
            Terminator::Raise { exc, msg } => {
                return Err(Outcome::Raised {
                    exc: *exc,
                    msg: m.message(*msg),
                });
            }
            // A runtime helper (a failed bounds check's IndexError, `math.sqrt`).
            Terminator::Call {
                callee: Callee::Runtime(rt),
                args,
                dests,
                next,
            } => {
                let vals = t.frame.read_all(args, strict)?;
                let results = crate::runtime::call(*rt, &vals, m.mem, m.limits)?;
                for (d, v) in dests.iter().zip(results) {
                    t.frame.set(*d, v);
                }
                next.index()
            }
            Terminator::Call { .. } => {
                return Err(Outcome::Unsupported(format!(
                    "a call of a function left in kernel {}",
                    body.name
                )))
            }
            Terminator::Goto(_)
            | Terminator::Branch { .. }
            | Terminator::Check { .. }
            | Terminator::Unreachable
            | Terminator::Fail => {
                return Err(Outcome::Ub(format!(
                    "{:?} reached in kernel {}",
                    data.terminator, body.name
                )))
            }
        };
        t.block = next;
        t.stmt = 0;
    }
}

/// An atomic read-modify-write: `(addr, value)` or `(addr, compare, value)`; the old value.
pub(crate) fn atomic(rt: RtFn, args: &[Val], mem: &mut Memory) -> Result<Vec<Val>, Outcome> {
    use RtFn::*;
    let d = match rt {
        GpuAtomicAddI64 | GpuAtomicMaxI64 | GpuAtomicMinI64 | GpuAtomicCasI64 => Dtype::I64,
        GpuAtomicAddI32 | GpuAtomicMaxI32 | GpuAtomicMinI32 | GpuAtomicCasI32 => Dtype::I32,
        GpuAtomicAddF64 => Dtype::F64,
        GpuAtomicAddF32 => Dtype::F32,
        _ => return Err(Outcome::Ub(format!("{} is not an atomic", rt.name()))),
    };
    let addr = args[0].i();
    let old = load(mem, d, addr).map_err(Outcome::Ub)?;
    let new = match (rt, old) {
        (GpuAtomicAddF64, Val::F64(o)) => Val::F64(o + args[1].f()),
        (GpuAtomicAddF32, Val::F32(o)) => Val::F32(o + args[1].f32()),
        (GpuAtomicAddI64 | GpuAtomicAddI32, Val::I64(o)) => Val::I64(o.wrapping_add(args[1].i())),
        (GpuAtomicMaxI64 | GpuAtomicMaxI32, Val::I64(o)) => Val::I64(o.max(args[1].i())),
        (GpuAtomicMinI64 | GpuAtomicMinI32, Val::I64(o)) => Val::I64(o.min(args[1].i())),
        (GpuAtomicCasI64 | GpuAtomicCasI32, Val::I64(o)) => {
            // The compare value is extended from the dtype, as the element is when loaded.
            let cmp = match d {
                Dtype::I32 => args[1].i() as i32 as i64,
                _ => args[1].i(),
            };
            Val::I64(if o == cmp { args[2].i() } else { o })
        }
        _ => return Err(Outcome::Ub(format!("{} of {old:?}", rt.name()))),
    };
    store(mem, d, addr, new).map_err(Outcome::Ub)?;
    Ok(vec![old])
}
