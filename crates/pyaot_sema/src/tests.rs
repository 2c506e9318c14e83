//! Unit tests of sema: which programs check, and which diagnostics the others get.

use pyaot_diagnostics::Code;

fn check(src: &str) -> (pyaot_hir::Module, Vec<pyaot_diagnostics::Diagnostic>) {
    let (ast, errs) = pyaot_syntax::parse(src, pyaot_diagnostics::FileId(0));
    assert!(errs.is_empty(), "{errs:?}");
    crate::check_module("m", &ast, &[])
}

fn codes(src: &str) -> Vec<Code> {
    check(src).1.iter().map(|d| d.code).collect()
}

#[test]
fn infers_locals_and_specialises_helpers() {
    let (m, d) = check("def h(a, b):\n    return a + b\n\ndef f(x: int, y: float) -> float:\n    s = h(x, x)\n    return h(y, float(s))\n");
    assert!(d.is_empty(), "{d:?}");
    let names: Vec<&str> = m.funcs.iter().map(|f| f.display_name.as_str()).collect();
    assert_eq!(names, ["f", "h[int, int]", "h[float, float]"]);
}

#[test]
fn local_read_above_its_assignment_in_a_loop_gets_its_type() {
    let (_, d) = check("def f(n: int) -> int:\n    t = 0\n    for i in range(n):\n        if i > 0:\n            t = t + prev\n        prev = i\n    return t\n");
    assert!(d.is_empty(), "{d:?}");
}

#[test]
fn recursion_and_mutual_recursion_of_helpers() {
    let src = "def ev(n):\n    if n == 0:\n        return True\n    return od(n - 1)\n\ndef od(n):\n    if n == 0:\n        return False\n    return ev(n - 1)\n\ndef f(n: int) -> bool:\n    return ev(n)\n";
    let (_, d) = check(src);
    assert!(d.is_empty(), "{d:?}");
}

#[test]
fn rejects_with_stable_codes() {
    assert_eq!(
        codes("def f(x: int) -> int:\n    x = 1.5\n    return x\n"),
        [Code::TypeChange]
    );
    assert_eq!(
        codes("def f(x: int) -> int:\n    if x:\n        return 1\n"),
        [Code::MissingReturn]
    );
    assert_eq!(
        codes("def f(x: int) -> int:\n    return y\n"),
        [Code::UnknownName]
    );
    assert_eq!(
        codes("def f(x: int) -> float:\n    return max(x, 1.0)\n"),
        [Code::TypeMismatch]
    );
    assert_eq!(
        codes("def f(x: int) -> int:\n    return g(x, 2)\n\ndef g(a: int) -> int:\n    return a\n"),
        [Code::ArgumentMismatch]
    );
    // A class runs as Python in the built module: nothing to report.
    assert_eq!(codes("class A:\n    pass\n"), []);
    assert_eq!(
        codes("def f(x, y):\n    return x\n"),
        [Code::IgnoredModuleItem]
    );
    assert_eq!(
        codes("def f(x: int) -> int:\n    l = (k := 1)\n    return x\n"),
        [Code::UnsupportedSyntax]
    );
    assert_eq!(
        codes("def f(x: int) -> int:\n    return 99999999999999999999\n"),
        [Code::InvalidConstant]
    );
}

#[test]
fn reports_every_error_in_a_file() {
    let d = codes(
        "def f(x: int) -> int:\n    a = (b := 1)\n    return y\n\ndef g() -> int:\n    return 1.5\n",
    );
    assert_eq!(
        d,
        [
            Code::UnsupportedSyntax,
            Code::UnknownName,
            Code::ReturnMismatch
        ]
    );
}

#[test]
fn specialisations_only_inference_passes_asked_for_are_dropped() {
    // In the first pass `s` is a float, so `h(s)` asks for h[float]; `s += a[i]` then makes it
    // an f32, and the body calls h[f32] only.
    let src = "from pyaot import f32\n\ndef h(x):\n    return x * 2\n\ndef f(a: f32[:]) -> f32:\n    s = 0.0\n    r = h(s)\n    for i in range(len(a)):\n        s += a[i]\n    return r + s\n";
    let (m, d) = check(src);
    assert!(d.is_empty(), "{d:?}");
    let names: Vec<&str> = m.funcs.iter().map(|f| f.display_name.as_str()).collect();
    assert_eq!(names, ["f", "h[f32]"]);
    // A diagnostic of such a specialisation is dropped with it.
    let src = src.replace("x * 2", "x.itemsize");
    let d = check(&src).1;
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(d[0].message.contains("f32"), "{d:?}");
}

#[test]
fn package_modules_call_each_other_directly() {
    let parse = |src: &str, file: u32| {
        let (ast, errs) = pyaot_syntax::parse(src, pyaot_diagnostics::FileId(file));
        assert!(errs.is_empty(), "{errs:?}");
        ast
    };
    let util = parse(
        "K = 2\n\ndef clamp(x, lo, hi):\n    return max(lo, min(x, hi))\n",
        1,
    );
    let user = parse("from . import util\nfrom .util import clamp, K\n\ndef f(x: int) -> int:\n    return clamp(x, 0, 9) + util.clamp(x, 1, 2) * K\n", 0);
    let siblings = [crate::SiblingModule {
        name: "pkg.util",
        ast: &util,
    }];
    let (m, d) = crate::check_package_module("kernels", "pkg.kernels", &user, &[], &siblings);
    assert!(d.is_empty(), "{d:?}");
    let names: Vec<&str> = m.funcs.iter().map(|f| f.display_name.as_str()).collect();
    assert_eq!(names, ["f", "pkg.util.clamp[int, int, int]"]);
}
