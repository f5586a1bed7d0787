//! The macros' UI: every misuse is a compile error spanned on the offending token, with a
//! message that says what to write instead (`tests/ui/fail`), and correct uses compile
//! cleanly (`tests/ui/pass`).

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("ui/fail/*.rs");
    t.pass("ui/pass/*.rs");
}
