//! The C library's functions that Rust's standard library computes its own way.
//!
//! `f64::asinh` and friends are Rust implementations, not calls of the C library, so they can
//! differ from the runtime's results in the last bit; the runtime calls glibc, so this does too.

#![allow(unsafe_code)]

mod c {
    extern "C" {
        pub fn asinh(x: f64) -> f64;
        pub fn acosh(x: f64) -> f64;
        pub fn atanh(x: f64) -> f64;
        pub fn erf(x: f64) -> f64;
        pub fn erfc(x: f64) -> f64;
        pub fn asinhf(x: f32) -> f32;
        pub fn acoshf(x: f32) -> f32;
        pub fn atanhf(x: f32) -> f32;
    }
}

macro_rules! wrap {
    ($($name:ident: $t:ty;)*) => {
        $(
            /// The C library's function of the same name.
            pub fn $name(x: $t) -> $t {
                // SAFETY: a pure libm function of one float argument.
                unsafe { c::$name(x) }
            }
        )*
    };
}

wrap! {
    asinh: f64;
    acosh: f64;
    atanh: f64;
    erf: f64;
    erfc: f64;
    asinhf: f32;
    acoshf: f32;
    atanhf: f32;
}
