//! Why a package was refused or could not be made. Every refusal writes nothing; the
//! message says what to do next.

#[derive(Debug, thiserror::Error)]
pub enum ExchangeError {
    #[error("「{file}」不是台账数据交换包，或已损坏（{why}）；请让对方重新导出后再导入")]
    Damaged { file: String, why: String },

    #[error(
        "数据交换包的签名不对，文件在途中被改动过或已损坏；请勿导入，请让{from}重新导出并发送"
    )]
    BadSignature { from: String },

    #[error("{from}的密钥（指纹 {fingerprint}）尚未被本台账信任；请与{from}电话核对指纹，一致后运行 taizhang exchange trust --unit {from} --fingerprint \"{fingerprint}\"，再导入")]
    UntrustedKey { from: String, fingerprint: String },

    #[error("{from}的密钥（指纹 {got}）与本台账信任的密钥（指纹 {trusted}）不同；请勿导入，请与{from}电话核实是否更换了密钥")]
    KeyChanged {
        from: String,
        got: String,
        trusted: String,
    },

    #[error("这个数据交换包是发给{meant_for}的，本台账是{we_are}的；请把它交给{meant_for}")]
    NotForUs { meant_for: String, we_are: String },

    #[error("{from}的第{seq}号包已于 {at} 导入过，再导入不会有任何改变")]
    Replay { from: String, seq: i64, at: String },

    #[error("缺少{from}的第{expected}号包（收到的是第{got}号）；请先导入第{expected}号包；找不到时，请{from}从其台账旁的「交换/…/已发送」文件夹中重新发送")]
    SequenceGap {
        from: String,
        expected: i64,
        got: i64,
    },

    #[error(
        "数据交换包的结构版本是 {theirs}，本台账是 {ours}；请先把两边的台账程序升级到同一版本"
    )]
    SchemaVersion { theirs: i64, ours: i64 },

    #[error("本台账已有数据，不能用初始包新建单位台账；初始包只能导入到一个新的（空的）台账文件")]
    BootstrapOverData,

    #[error("本台账还不是任何单位的台账，只能导入市里导出的初始包（exchange export --for 单位）")]
    NotBootstrapped,

    #[error("{0}")]
    WrongRole(String),

    #[error("指纹「{given}」与{unit}已发来的密钥指纹 {known} 不一致，未信任；请再次电话核对")]
    FingerprintMismatch {
        unit: String,
        given: String,
        known: String,
    },

    #[error("指纹「{0}」格式不对：应为 64 位十六进制字符（可带空格分组）")]
    BadFingerprint(String),

    #[error("本机私钥文件「{path}」无法使用：{why}")]
    KeyFile { path: String, why: String },

    #[error("数据交换包中的数据引用了本台账没有的记录（{0}），未导入；请先导入对方更早的包")]
    MissingReference(String),

    /// Not shown: a dry run rolls its write back with it.
    #[error("试导入，未写入")]
    DryRun,
}

impl ExchangeError {
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
