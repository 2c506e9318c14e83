//! The verifier's rules for references, counts and the cleanup block, on parsed MIR text.

fn check(text: &str) -> Result<(), String> {
    let module = pyaot_mir::parse_module(text).expect("the test MIR parses");
    pyaot_mir::verify(&module)
}

const ELABORATED: &str = "// MIR of module r

msg0 = \"bad\"
fn f(_0: ref, _1: bool) -> (_2: ref) {  // symbol f
    let _3: i64;
    cleanup bb2;
bb0:
    incref _0
    _3 = ref_addr _0
    _2 = select _1, _0, null
    branch _1, bb1, bb3
bb1:
    raise ValueError(msg0)
bb2:
    decref _0
    fail
bb3:
    return
}
";

#[test]
fn an_elaborated_body_verifies_and_prints_back() {
    check(ELABORATED).expect("valid");
    let module = pyaot_mir::parse_module(ELABORATED).unwrap();
    let again = pyaot_mir::parse_module(&module.to_string()).unwrap();
    assert_eq!(module, again);
}

#[test]
fn references_take_no_arithmetic_and_counts_take_only_references() {
    let arith = ELABORATED.replace("_3 = ref_addr _0", "_3 = iadd _0, _0");
    assert!(check(&arith).unwrap_err().contains("on a reference"));
    let compare = ELABORATED.replace("_3 = ref_addr _0", "_1 = cmp_eq _0, _0");
    assert!(check(&compare).unwrap_err().contains("on a reference"));
    let count = ELABORATED.replace("incref _0", "incref _3");
    assert!(check(&count).unwrap_err().contains("not a reference"));
}

#[test]
fn the_cleanup_block_is_only_an_error_exit() {
    let jump = ELABORATED.replace("branch _1, bb1, bb3", "branch _1, bb1, bb2");
    assert!(check(&jump).unwrap_err().contains("target of a jump"));
    let no_fail = ELABORATED.replace("    fail\n", "    return\n");
    assert!(check(&no_fail)
        .unwrap_err()
        .contains("does not end in `fail`"));
    let stray = ELABORATED.replace("bb3:\n    return", "bb3:\n    fail");
    assert!(check(&stray)
        .unwrap_err()
        .contains("outside the cleanup block"));
    let owned = ELABORATED.replace("    cleanup bb2;", "    owned _0;\n    cleanup bb2;");
    assert!(check(&owned).unwrap_err().contains("still lists owned"));
}

#[test]
fn the_counting_helpers_are_not_called_directly() {
    let call = ELABORATED.replace("incref _0", "(_2) = call rt.incref(_0)");
    assert!(check(&call).unwrap_err().contains("called as `incref`"));
}
