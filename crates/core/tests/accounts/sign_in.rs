//! Signing in: wrong passwords, the lock after five, disabled accounts, password rules.

use taizhang_core::auth::NewAccount;
use taizhang_core::*;

use super::setup::{prepare, signed, PASSWORD};

#[test]
fn five_wrong_passwords_lock_the_account_for_five_minutes() {
    let prepared = prepare();
    let dir = tempfile::tempdir().unwrap();
    let (_, mut ledger) = prepared.copy(dir.path());
    // (attempt, code, message)
    let cases = [
        (
            1,
            "bad_login",
            "登录名或密码不正确，再错4次账号将被锁定5分钟",
        ),
        (
            2,
            "bad_login",
            "登录名或密码不正确，再错3次账号将被锁定5分钟",
        ),
        (
            3,
            "bad_login",
            "登录名或密码不正确，再错2次账号将被锁定5分钟",
        ),
        (
            4,
            "bad_login",
            "登录名或密码不正确，再错1次账号将被锁定5分钟",
        ),
        (5, "account_locked", "密码连续输错5次，账号已锁定至"),
    ];
    for (n, code, message) in cases {
        let err = ledger.sign_in("lanshan", "wrong-password-1").unwrap_err();
        assert_eq!(err.code(), code, "attempt {n}");
        assert!(err.to_string().starts_with(message), "attempt {n}: {err}");
    }
    let err = ledger.sign_in("lanshan", PASSWORD).unwrap_err();
    assert_eq!(
        err.code(),
        "account_locked",
        "even the right password waits for the lock"
    );
    let err = ledger.sign_in("nobody", PASSWORD).unwrap_err();
    assert_eq!(
        err.to_string(),
        "登录名或密码不正确",
        "an unknown name reads like a wrong password"
    );
    // An admin's reset lifts the lock.
    let admin = signed(&ledger, prepared.account(Role::Admin));
    ledger
        .write(&admin, |w| w.reset_password("lanshan", "Newpass2024"))
        .unwrap();
    assert!(ledger.sign_in("lanshan", "Newpass2024").is_ok());
}

#[test]
fn disabled_accounts_and_weak_passwords_are_refused() {
    let prepared = prepare();
    let dir = tempfile::tempdir().unwrap();
    let (_, mut ledger) = prepared.copy(dir.path());
    let admin = signed(&ledger, prepared.account(Role::Admin));
    ledger
        .write(&admin, |w| w.set_account_disabled("lingdao", true))
        .unwrap();
    assert_eq!(
        ledger.sign_in("lingdao", PASSWORD).unwrap_err().code(),
        "account_disabled"
    );
    let err = ledger
        .write(&admin, |w| w.set_account_disabled("admin", true))
        .unwrap_err();
    assert!(err.to_string().contains("不能停用自己"), "{err}");
    for weak in ["short1", "onlyletters", "12345678"] {
        let err = ledger
            .write(&admin, |w| {
                w.add_account(&NewAccount {
                    login: "x".into(),
                    display_name: "某".into(),
                    role: Role::Viewer,
                    unit: None,
                    password: weak.into(),
                })
            })
            .unwrap_err();
        assert_eq!(err.code(), "weak_password", "{weak}");
    }
}

#[test]
fn the_first_account_must_be_an_admin() {
    let dir = tempfile::tempdir().unwrap();
    let mut ledger = Ledger::open(&dir.path().join("new.db")).unwrap();
    let me = Actor::local_user("cli");
    assert!(
        !me.name.ends_with("unknown"),
        "the actor is the machine's user: {}",
        me.name
    );
    let clerk = NewAccount {
        login: "first".into(),
        display_name: "某".into(),
        role: Role::Viewer,
        unit: None,
        password: PASSWORD.into(),
    };
    let err = ledger.write(&me, |w| w.add_account(&clerk)).unwrap_err();
    assert!(err.to_string().contains("第一个账号必须是管理员"), "{err}");
    assert!(!ledger.accounts_exist().unwrap());
    let admin = NewAccount {
        role: Role::Admin,
        ..clerk
    };
    ledger.write(&me, |w| w.add_account(&admin)).unwrap();
    assert!(ledger.accounts_exist().unwrap());
    let err = ledger
        .write(&me, |w| {
            w.set_settings(Settings {
                slightly_behind_threshold: 0.8,
            })
        })
        .unwrap_err();
    assert_eq!(
        err.code(),
        "login_required",
        "from now on every door signs in"
    );
}

#[test]
fn a_read_only_connection_signs_in_and_its_wrong_passwords_still_count() {
    let prepared = prepare();
    let dir = tempfile::tempdir().unwrap();
    let (path, writer) = prepared.copy(dir.path());
    drop(writer);
    // Wrong passwords through read-only connections (the window's reader, a CLI read):
    // each one counts, so reads cannot be used to guess past the lock.
    for n in 1..=4 {
        let mut reader = Ledger::open_read_only(&path).unwrap();
        let err = reader.sign_in("lanshan", "wrong-password-1").unwrap_err();
        assert_eq!(err.code(), "bad_login", "read-only attempt {n}");
    }
    let mut reader = Ledger::open_read_only(&path).unwrap();
    let err = reader.sign_in("lanshan", "wrong-password-1").unwrap_err();
    assert_eq!(
        err.code(),
        "account_locked",
        "the fifth locks, read-only too"
    );
    let mut writer = Ledger::open(&path).unwrap();
    let err = writer.sign_in("lanshan", PASSWORD).unwrap_err();
    assert_eq!(
        err.code(),
        "account_locked",
        "the writer sees the same lock"
    );

    // The right password on a read-only connection: reads as the account, in its scope.
    let mut reader = Ledger::open_read_only(&path).unwrap();
    let err = reader.entries(&EntryFilter::default()).unwrap_err();
    assert_eq!(err.code(), "login_required", "nobody signed in yet");
    let actor = reader
        .sign_in("shenhe", PASSWORD)
        .expect("signs in read-only");
    assert_eq!(actor.name, "shenhe");
    assert_eq!(reader.permissions().unwrap().role, Role::Reviewer);
    let in_scope = reader.entries(&EntryFilter::default()).unwrap().len();
    let mut admin = Ledger::open_read_only(&path).unwrap();
    admin.sign_in("admin", PASSWORD).unwrap();
    let all = admin.entries(&EntryFilter::default()).unwrap().len();
    assert!(
        0 < in_scope && in_scope < all,
        "兰山区's reviewer lists 兰山区's entries only: {in_scope} of {all}"
    );
    let verdict = reader
        .verify_audit()
        .expect("the trail verifies read-only (tz_sm3)");
    assert!(verdict.ok, "{}", verdict.message);
}
