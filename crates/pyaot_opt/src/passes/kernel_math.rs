//! `exp` and `log` of `f64` written out in MIR for GPU kernels, which have no C library (the
//! `f32` versions compute in `f64`).
//!
//! The algorithms are the classic ones of Sun's fdlibm (argument reduction by `ln 2` with a
//! minimax polynomial; mantissa reduction with a rational approximation), computed without
//! branches: every path is evaluated and `select` keeps the right one. Their error is below one
//! unit in the last place; CPython's and NumPy's (glibc's) results are correctly rounded, so a
//! kernel's `exp` or `log` may differ from them in the last bit. Special values follow C99, as
//! NumPy does: `exp` gives `inf` above the overflow threshold and `0.0` below the underflow one,
//! `log` gives `-inf` for zeros and NaN for negative numbers; callers add Python's errors.

use pyaot_mir::{
    BinOp, Body, CastOp, Cmp, Local, LocalDecl, MConst, MTy, Operand, Rvalue, Stmt, UnOp,
};

/// Appends statements computing into new locals of a body.
pub(super) struct Emit<'a> {
    pub body: &'a mut Body,
    pub out: Vec<Stmt>,
}

fn f(v: f64) -> Operand {
    Operand::Const(MConst::F64(v))
}

fn i(v: i64) -> Operand {
    Operand::Const(MConst::I64(v))
}

impl Emit<'_> {
    fn v(&mut self, ty: MTy, value: Rvalue) -> Operand {
        self.body.locals.push(LocalDecl::temp(ty));
        let dest = Local(self.body.locals.len() as u32 - 1);
        self.out.push(Stmt::Assign { dest, value });
        Operand::Local(dest)
    }

    /// An `F32` as an `F64`.
    pub fn promote(&mut self, a: Operand) -> Operand {
        self.v(MTy::F64, Rvalue::Cast(CastOp::FPromote, a))
    }

    fn fop(&mut self, op: BinOp, a: Operand, b: Operand) -> Operand {
        self.v(MTy::F64, Rvalue::Binary(op, a, b))
    }

    fn add(&mut self, a: Operand, b: Operand) -> Operand {
        self.fop(BinOp::FAdd, a, b)
    }

    fn sub(&mut self, a: Operand, b: Operand) -> Operand {
        self.fop(BinOp::FSub, a, b)
    }

    fn mul(&mut self, a: Operand, b: Operand) -> Operand {
        self.fop(BinOp::FMul, a, b)
    }

    fn div(&mut self, a: Operand, b: Operand) -> Operand {
        self.fop(BinOp::FDiv, a, b)
    }

    fn iop(&mut self, op: BinOp, a: Operand, b: Operand) -> Operand {
        self.v(MTy::I64, Rvalue::Binary(op, a, b))
    }

    fn cmp(&mut self, c: Cmp, a: Operand, b: Operand) -> Operand {
        self.v(MTy::Bool, Rvalue::Binary(BinOp::Cmp(c), a, b))
    }

    fn sel(&mut self, ty: MTy, c: Operand, a: Operand, b: Operand) -> Operand {
        self.v(ty, Rvalue::Select(c, a, b))
    }

    /// `c0 + t * (c1 + t * (c2 + ...))`.
    fn poly(&mut self, t: Operand, coeffs: &[f64]) -> Operand {
        let mut acc = f(coeffs[coeffs.len() - 1]);
        for &c in coeffs[..coeffs.len() - 1].iter().rev() {
            let m = self.mul(t, acc);
            acc = self.add(f(c), m);
        }
        acc
    }
}

const LN2_HI: f64 = 6.931_471_803_691_238e-1;
const LN2_LO: f64 = 1.908_214_929_270_587_7e-10;

/// `e ** x` (C99 special values: NaN stays NaN, `inf` above 709.78..., `0.0` far below).
pub(super) fn exp(e: &mut Emit, x: Operand) -> Operand {
    const INV_LN2: f64 = std::f64::consts::LOG2_E;
    const P: [f64; 5] = [
        1.666_666_666_666_660_2e-1,
        -2.777_777_777_701_559_3e-3,
        6.613_756_321_437_934e-5,
        -1.653_390_220_546_525_2e-6,
        4.138_136_797_057_238_5e-8,
    ];
    // A finite argument in range: the special cases are selected at the end.
    let nan = e.cmp(Cmp::Ne, x, x);
    let xn = e.sel(MTy::F64, nan, f(0.0), x);
    let below = e.cmp(Cmp::Lt, xn, f(-746.0));
    let xc = e.sel(MTy::F64, below, f(-746.0), xn);
    let above = e.cmp(Cmp::Gt, xc, f(710.0));
    let xc = e.sel(MTy::F64, above, f(710.0), xc);
    // k = round(x / ln 2), or 0 where |x| <= ln(2) / 2.
    let half = e.fop(BinOp::FCopysign, f(0.5), xc);
    let scaled = e.mul(xc, f(INV_LN2));
    let scaled = e.add(scaled, half);
    let kt = e.v(MTy::F64, Rvalue::Unary(UnOp::FTrunc, scaled));
    let ax = e.v(MTy::F64, Rvalue::Unary(UnOp::FAbs, xc));
    let reduce = e.cmp(Cmp::Gt, ax, f(0.346_573_590_279_972_65));
    let kf = e.sel(MTy::F64, reduce, kt, f(0.0));
    // r = x - k ln 2, as hi - lo.
    let khi = e.mul(kf, f(LN2_HI));
    let hi = e.sub(xc, khi);
    let lo = e.mul(kf, f(LN2_LO));
    let r = e.sub(hi, lo);
    let t = e.mul(r, r);
    let p = e.poly(t, &P);
    let tp = e.mul(t, p);
    let c = e.sub(r, tp);
    let rc = e.mul(r, c);
    // k == 0: 1 - ((r c) / (c - 2) - r).
    let cm2 = e.sub(c, f(2.0));
    let q0 = e.div(rc, cm2);
    let q0 = e.sub(q0, r);
    let y0 = e.sub(f(1.0), q0);
    // Otherwise: 1 - ((lo - (r c) / (2 - c)) - hi).
    let tmc = e.sub(f(2.0), c);
    let qk = e.div(rc, tmc);
    let qk = e.sub(lo, qk);
    let qk = e.sub(qk, hi);
    let yk = e.sub(f(1.0), qk);
    let k_zero = e.cmp(Cmp::Eq, kf, f(0.0));
    let y = e.sel(MTy::F64, k_zero, y0, yk);
    // y * 2**k in two exact steps, so a subnormal result is rounded once.
    let k = e.v(MTy::I64, Rvalue::Cast(CastOp::FToIUnchecked, kf));
    let kh = e.iop(BinOp::AShr, k, i(1));
    let kr = e.iop(BinOp::ISub, k, kh);
    let scale = |e: &mut Emit, n: Operand| {
        let b = e.iop(BinOp::IAdd, n, i(1023));
        let b = e.iop(BinOp::Shl, b, i(52));
        e.v(MTy::F64, Rvalue::Cast(CastOp::BitsF, b))
    };
    let s1 = scale(e, kh);
    let s2 = scale(e, kr);
    let ys = e.mul(y, s1);
    let res = e.mul(ys, s2);
    let over = e.cmp(Cmp::Gt, x, f(710.0));
    let res = e.sel(MTy::F64, over, f(f64::INFINITY), res);
    let under = e.cmp(Cmp::Lt, x, f(-746.0));
    let res = e.sel(MTy::F64, under, f(0.0), res);
    e.sel(MTy::F64, nan, x, res)
}

/// The natural logarithm (C99 special values: `-inf` for zeros, NaN for negative numbers and
/// NaN, `inf` for `inf`).
pub(super) fn log(e: &mut Emit, x: Operand) -> Operand {
    const LG: [f64; 7] = [
        6.666_666_666_666_735e-1,
        3.999_999_999_940_942e-1,
        2.857_142_874_366_239e-1,
        2.222_219_843_214_978_4e-1,
        1.818_357_216_161_805e-1,
        1.531_383_769_920_937_3e-1,
        1.479_819_860_511_658_6e-1,
    ];
    // Subnormals are scaled by 2**54 first.
    let sub = e.cmp(Cmp::Lt, x, f(f64::MIN_POSITIVE));
    let big = e.mul(x, f(18_014_398_509_481_984.0));
    let xs = e.sel(MTy::F64, sub, big, x);
    let kadj = e.sel(MTy::I64, sub, i(-54), i(0));
    let bits = e.v(MTy::I64, Rvalue::Cast(CastOp::FBits, xs));
    let hx = e.iop(BinOp::AShr, bits, i(32));
    let ex = e.iop(BinOp::AShr, hx, i(20));
    let k = e.iop(BinOp::ISub, ex, i(1023));
    let k = e.iop(BinOp::IAdd, k, kadj);
    let hx = e.iop(BinOp::And, hx, i(0x000f_ffff));
    // Normalise the mantissa into [sqrt(2)/2, sqrt(2)).
    let t = e.iop(BinOp::IAdd, hx, i(0x95f64));
    let top = e.iop(BinOp::And, t, i(0x0010_0000));
    let flip = e.iop(BinOp::Xor, top, i(0x3ff0_0000));
    let newhx = e.iop(BinOp::Or, hx, flip);
    let high = e.iop(BinOp::Shl, newhx, i(32));
    let low = e.iop(BinOp::And, bits, i(0xffff_ffff));
    let nb = e.iop(BinOp::Or, high, low);
    let xn = e.v(MTy::F64, Rvalue::Cast(CastOp::BitsF, nb));
    let carry = e.iop(BinOp::AShr, top, i(20));
    let k = e.iop(BinOp::IAdd, k, carry);
    let fm = e.sub(xn, f(1.0));
    let dk = e.v(MTy::F64, Rvalue::Cast(CastOp::IToF, k));
    let k_zero = e.cmp(Cmp::Eq, k, i(0));
    let dk_hi = e.mul(dk, f(LN2_HI));
    let dk_lo = e.mul(dk, f(LN2_LO));
    // |f| < 2**-20: a short series.
    let t2 = e.iop(BinOp::IAdd, hx, i(2));
    let t2 = e.iop(BinOp::And, t2, i(0x000f_ffff));
    let small = e.cmp(Cmp::Lt, t2, i(3));
    let third = e.mul(f(0.333_333_333_333_333_3), fm);
    let third = e.sub(f(0.5), third);
    let ff = e.mul(fm, fm);
    let r1 = e.mul(ff, third);
    let s_k0 = e.sub(fm, r1);
    let s_k = e.sub(r1, dk_lo);
    let s_k = e.sub(s_k, fm);
    let s_k = e.sub(dk_hi, s_k);
    let s_f = e.sel(MTy::F64, k_zero, s_k0, s_k);
    let s_zero = e.add(dk_hi, dk_lo);
    let s_zero = e.sel(MTy::F64, k_zero, f(0.0), s_zero);
    let f_zero = e.cmp(Cmp::Eq, fm, f(0.0));
    let small_res = e.sel(MTy::F64, f_zero, s_zero, s_f);
    // The general case: s = f / (2 + f) and a rational approximation in s.
    let two_f = e.add(f(2.0), fm);
    let s = e.div(fm, two_f);
    let z = e.mul(s, s);
    let w = e.mul(z, z);
    let t1 = e.poly(w, &[LG[1], LG[3], LG[5]]);
    let t1 = e.mul(w, t1);
    let t2f = e.poly(w, &[LG[0], LG[2], LG[4], LG[6]]);
    let t2f = e.mul(z, t2f);
    let rr = e.add(t2f, t1);
    let ii = e.iop(BinOp::ISub, hx, i(0x6147a));
    let jj = e.iop(BinOp::ISub, i(0x6b851), hx);
    let ij = e.iop(BinOp::Or, ii, jj);
    let pos = e.cmp(Cmp::Gt, ij, i(0));
    let hfsq = e.mul(f(0.5), ff);
    let sh = e.add(hfsq, rr);
    let sh = e.mul(s, sh);
    // i > 0, k == 0: f - (hfsq - s (hfsq + R)).
    let a1_0 = e.sub(hfsq, sh);
    let a1_0 = e.sub(fm, a1_0);
    // i > 0: dk ln2_hi - ((hfsq - (s (hfsq + R) + dk ln2_lo)) - f).
    let a1_k = e.add(sh, dk_lo);
    let a1_k = e.sub(hfsq, a1_k);
    let a1_k = e.sub(a1_k, fm);
    let a1_k = e.sub(dk_hi, a1_k);
    let a1 = e.sel(MTy::F64, k_zero, a1_0, a1_k);
    // i <= 0, k == 0: f - s (f - R); else dk ln2_hi - ((s (f - R) - dk ln2_lo) - f).
    let fr = e.sub(fm, rr);
    let sfr = e.mul(s, fr);
    let a2_0 = e.sub(fm, sfr);
    let a2_k = e.sub(sfr, dk_lo);
    let a2_k = e.sub(a2_k, fm);
    let a2_k = e.sub(dk_hi, a2_k);
    let a2 = e.sel(MTy::F64, k_zero, a2_0, a2_k);
    let general = e.sel(MTy::F64, pos, a1, a2);
    let res = e.sel(MTy::F64, small, small_res, general);
    // Special values.
    let is_inf = e.cmp(Cmp::Eq, x, f(f64::INFINITY));
    let res = e.sel(MTy::F64, is_inf, x, res);
    let zero = e.cmp(Cmp::Eq, x, f(0.0));
    let res = e.sel(MTy::F64, zero, f(f64::NEG_INFINITY), res);
    let neg = e.cmp(Cmp::Lt, x, f(0.0));
    let res = e.sel(MTy::F64, neg, f(f64::NAN), res);
    let nan = e.cmp(Cmp::Ne, x, x);
    e.sel(MTy::F64, nan, x, res)
}
