//! Why a package was refused or could not be made. Every refusal writes nothing; the
//! message says what to do next.

/// Why a data-exchange package (数据交换包) was refused or could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ExchangeError {
    /// The file is not a package, or its parts cannot be read.
    #[error("「{file}」不是台账数据交换包，或已损坏（{why}）；请让对方重新导出后再导入")]
    Damaged {
        /// The file offered.
        file: String,
        /// What could not be read.
        why: String,
    },

    /// The package's signature does not match its content.
    #[error(
        "数据交换包的签名不对，文件在途中被改动过或已损坏；请勿导入，请让{from}重新导出并发送"
    )]
    BadSignature {
        /// The unit the package says it is from.
        from: String,
    },

    /// The sender's key has not been trusted yet (its fingerprint checked by telephone).
    #[error("{from}的密钥（指纹 {fingerprint}）尚未被本台账信任；请与{from}电话核对指纹，一致后运行 taizhang exchange trust --unit {from} --fingerprint \"{fingerprint}\"，再导入")]
    UntrustedKey {
        /// The unit the package says it is from.
        from: String,
        /// The fingerprint of the key that signed it.
        fingerprint: String,
    },

    /// The package is signed with another key than the one trusted for its sender.
    #[error("{from}的密钥（指纹 {got}）与本台账信任的密钥（指纹 {trusted}）不同；请勿导入，请与{from}电话核实是否更换了密钥")]
    KeyChanged {
        /// The unit the package says it is from.
        from: String,
        /// The fingerprint of the key that signed it.
        got: String,
        /// The fingerprint of the key this ledger trusts for that unit.
        trusted: String,
    },

    /// The package is addressed to another ledger.
    #[error("这个数据交换包是发给{meant_for}的，本台账是{we_are}的；请把它交给{meant_for}")]
    NotForUs {
        /// The ledger the package is addressed to.
        meant_for: String,
        /// Whose ledger this is.
        we_are: String,
    },

    /// The package was imported before, so it changes nothing.
    #[error("{from}的第{seq}号包已于 {at} 导入过，再导入不会有任何改变")]
    Replay {
        /// The unit the package is from.
        from: String,
        /// The package's sequence number.
        seq: i64,
        /// When it was imported.
        at: String,
    },

    /// An earlier package of the same sender has not been imported yet.
    #[error("缺少{from}的第{expected}号包（收到的是第{got}号）；请先导入第{expected}号包；找不到时，请{from}从其台账旁的「交换/…/已发送」文件夹中重新发送")]
    SequenceGap {
        /// The unit the package is from.
        from: String,
        /// The sequence number due next.
        expected: i64,
        /// The sequence number received.
        got: i64,
    },

    /// The two ledgers' schema versions differ.
    #[error(
        "数据交换包的结构版本是 {theirs}，本台账是 {ours}；请先把两边的台账程序升级到同一版本"
    )]
    SchemaVersion {
        /// The schema version the package was made with.
        theirs: i64,
        /// This ledger's schema version.
        ours: i64,
    },

    /// A bootstrap package (初始包) offered to a ledger that already holds data.
    #[error("本台账已有数据，不能用初始包新建单位台账；初始包只能导入到一个新的（空的）台账文件")]
    BootstrapOverData,

    /// A package other than a bootstrap one offered to a ledger that is no unit's yet.
    #[error("本台账还不是任何单位的台账，只能导入市里导出的初始包（exchange export --for 单位）")]
    NotBootstrapped,

    /// An exchange step this ledger's side (city or unit) or the row's state does not allow.
    #[error("{0}")]
    WrongRole(String),

    /// The fingerprint a person typed to trust a unit's key is not that key's.
    #[error("指纹「{given}」与{unit}已发来的密钥指纹 {known} 不一致，未信任；请再次电话核对")]
    FingerprintMismatch {
        /// The unit whose key was to be trusted.
        unit: String,
        /// The fingerprint as typed.
        given: String,
        /// The fingerprint of the key the unit sent.
        known: String,
    },

    /// A typed fingerprint that is not 64 hexadecimal characters.
    #[error("指纹「{0}」格式不对：应为 64 位十六进制字符（可带空格分组）")]
    BadFingerprint(String),

    /// This machine's private key file cannot be read or used.
    #[error("本机私钥文件「{path}」无法使用：{why}")]
    KeyFile {
        /// The key file's path.
        path: String,
        /// Why it cannot be used.
        why: String,
    },

    /// A package's rows refer to a record this ledger does not have.
    #[error("数据交换包中的数据引用了本台账没有的记录（{0}），未导入；请先导入对方更早的包")]
    MissingReference(String),

    /// Not shown: a dry run rolls its write back with it.
    #[error("试导入，未写入")]
    DryRun,
}

impl ExchangeError {
    /// A stable, machine-readable code; the UI switches on it.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Damaged { .. } => "package_damaged",
            Self::BadSignature { .. } => "bad_signature",
            Self::UntrustedKey { .. } => "untrusted_key",
            Self::KeyChanged { .. } => "key_changed",
            Self::NotForUs { .. } => "package_not_for_us",
            Self::Replay { .. } => "package_replay",
            Self::SequenceGap { .. } => "package_gap",
            Self::SchemaVersion { .. } => "package_schema",
            Self::BootstrapOverData => "bootstrap_over_data",
            Self::NotBootstrapped => "not_bootstrapped",
            Self::WrongRole(_) => "exchange_role",
            Self::FingerprintMismatch { .. } => "fingerprint_mismatch",
            Self::BadFingerprint(_) => "bad_fingerprint",
            Self::KeyFile { .. } => "key_file",
            Self::MissingReference(_) => "missing_reference",
            Self::DryRun => "dry_run",
        }
    }
}
