//! Nothing crashes (issue 6): property tests over the first event,
//! `Device.ProvisioningRecipeUpdated` (`events-device/spec/Device.ProvisioningRecipeUpdated.md`).
//!
//! 1. Arbitrary valid events round-trip exactly. Every member of the source document is
//!    generated: optional members absent, `null` or set; arbitrary strings (any Unicode scalar,
//!    quotes, backslashes, control characters), written with arbitrary escapes (`\uXXXX` in
//!    either case, surrogate pairs, `\/`, the short escapes) and arbitrary white space between
//!    tokens; every member order; the four `status` literals; tag lists; an `originator` with
//!    any `i64` (`-0` too); unknown members at every level. Decoding then encoding gives the
//!    compact JSON of the same event (members in document order, unset members left out,
//!    unknown envelope and payload members written back byte for byte), and what is encoded
//!    decodes to the same value, by both decoders.
//!
//! 2. Arbitrary mutations of valid events never panic, and both decoders (the typed
//!    `Envelope::<ProvisioningRecipeUpdated>` and the by-type-string `Registry::decode`) give
//!    one answer: both accept, or both reject with the same kind at the same path. The answer
//!    is checked against [`Expected`], an independent reading of `spec/CONTRACT.md` over an
//!    independent strict JSON parser: it lists every defect an event has (each a kind, or for
//!    an out-of-range `accountId` either of two kinds, at a path), and the decoders must
//!    accept exactly the events with none and otherwise report one of them (section 3, rule 5:
//!    which of several is reported is not part of the contract).
//!
//!    Where one mutation is made at a known member (deleted, duplicated, retyped, renamed,
//!    given another value of its type, or nested past the depth limit, at any level: envelope,
//!    payload, owner, originator, `unsuccessfulRegisterAttemptStatus`, `tagUids`, and inside
//!    unknown members), the error's path must moreover be that member's path (for a rename,
//!    its old or its new path), an ancestor or a descendant of it; the empty path only for
//!    `malformed_json`. Where the contract's precedence makes the answer other than "the
//!    natural kind at exactly that path", these are the rules (each checked exactly):
//!
//!    - Anything wrong with `payload.owner` or inside it (absent, `null`, retyped, emptied,
//!      another literal) is `invalid_owner` at the offending path, never `missing_field`,
//!      `invalid_type` or `invalid_value` (section 2 and rule 3's exception). A key given twice
//!      inside the owner is still `duplicate_key` (rule 2).
//!    - `null` in place of a required member is `missing_field` (not `invalid_type`); in
//!      place of an optional one it is accepted as unset. `null` as an element of `tagUids`
//!      is `invalid_type` at that element.
//!    - A duplicated defined member is `duplicate_key` at its path even when both copies are
//!      equal (rule 2); a duplicated array element or unknown member is accepted.
//!    - A rename onto a name the object already has is `duplicate_key` at the new name; onto
//!      a defined name the object lacks, it moves the value there (`invalid_type` at the new
//!      path if the types differ); a required member renamed away is missing at the old path.
//!      (Defined names are written with arbitrary escapes throughout, which changes nothing.)
//!    - The envelope's `type` changed to another string is `unknown_type` at `type`, and the
//!      payload is then not examined; absent or retyped, the payload's `type` is compared with
//!      nothing.
//!    - `originator.accountId` is an integer: a number with a fraction or an exponent is
//!      `invalid_type` (though the document's JSON type is `number`); out of the `i64` range
//!      it is `invalid_value` or `invalid_type`; `-0` is the integer 0.
//!    - An emptied `id` or `uid` is `invalid_value`; an emptied optional string is valid.
//!    - Nesting deeper than 64 levels, anywhere, and bytes that are no longer JSON (truncated,
//!      flipped, inserted, invalid UTF-8, a byte order mark) are `malformed_json` whatever
//!      else is wrong (rule 1), with the empty path or the path of a member on the way to
//!      where the bytes broke.
//!    - A lone surrogate escape (`"\ud800"`) in a string the event reads, or in a member name
//!      of an object it reads, is `malformed_json` for that member whatever else is wrong with
//!      it (rule 1); with a defect in another member too, either may be reported (rule 5: the
//!      decoders report, for instance, a duplicated `status` before a lone surrogate in `uid`).
//!      In an unknown member, or in a payload left unexamined, it is ignored.
//!
//! 3. `Registry::validate`, which judges an event without building its payload, gives the
//!    decoders' answer wherever they are asked: the same error, or the same `id` and type.
//!
//! The case counts are kept moderate so that the file runs in seconds in a debug build; set
//! `PROPTEST_CASES` to run more.

use events_core::owner::Organization;
use events_core::{
    AnyEnvelope, DomainEvent, Envelope, Error, ErrorKind, Originator, Registry, MAX_DEPTH,
};
use events_device::{
    ProvisioningRecipeUpdated, ProvisioningStatus, UnsuccessfulRegisterAttemptStatus,
};
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::TestCaseError;
use serde_json::Value;

const TYPE: &str = <ProvisioningRecipeUpdated as DomainEvent>::TYPE;

/// The members of each object the event reads, in the order of the source document.
const ENVELOPE: &[&str] = &["id", "kind", "type", "payload"];
const PAYLOAD: &[&str] = &[
    "owner",
    "organizationUid",
    "status",
    "confirmedOwnership",
    "serialNumber",
    "macAddress",
    "model",
    "brand",
    "tagUids",
    "deviceName",
    "policyUid",
    "locationUid",
    "unsuccessfulRegisterAttemptStatus",
    "errorMessage",
    "type",
    "originator",
    "uid",
];
const OWNER: &[&str] = &["ownershipType", "organizationUid", "parentCompanyUid"];
const ORIGINATOR: &[&str] = &["accountId", "organizationUid", "policyUid"];
const ATTEMPT: &[&str] = &["warningMessage"];
const STATUSES: &[&str] = &["Pending", "Applied", "Failed", "Invalid"];

/// The defined members of the object at `path` (dotted, from the envelope), if the event
/// reads that object.
fn defined_in(path: &str) -> &'static [&'static str] {
    match path {
        "" => ENVELOPE,
        "payload" => PAYLOAD,
        "payload.owner" => OWNER,
        "payload.originator" => ORIGINATOR,
        "payload.unsuccessfulRegisterAttemptStatus" => ATTEMPT,
        _ => &[],
    }
}

fn is_defined_anywhere(name: &str) -> bool {
    [ENVELOPE, PAYLOAD, OWNER, ORIGINATOR, ATTEMPT]
        .iter()
        .any(|names| names.contains(&name))
}

fn cases(default: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default);
    ProptestConfig::with_cases(cases)
}

// ---------------------------------------------------------------------------------------------
// JSON as the tests write it
// ---------------------------------------------------------------------------------------------

/// A JSON value to write: members in the order given, duplicates allowed.
#[derive(Clone, Debug, PartialEq)]
enum Node {
    Null,
    Bool(bool),
    /// A number, as written.
    Num(String),
    Str(String),
    Arr(Vec<Node>),
    Obj(Vec<(String, Node)>),
    /// JSON text written as it is: an unknown member's value, whose bytes a relay keeps.
    Raw(String),
}

impl Node {
    /// The JSON type, as a number (`Raw` is never asked).
    fn json_type(&self) -> usize {
        match self {
            Node::Null => 0,
            Node::Bool(_) => 1,
            Node::Num(_) => 2,
            Node::Str(_) | Node::Raw(_) => 3,
            Node::Arr(_) => 4,
            Node::Obj(_) => 5,
        }
    }

    /// How many arrays and objects are nested in it, itself included.
    fn nesting(&self) -> usize {
        match self {
            Node::Arr(items) => 1 + items.iter().map(Node::nesting).max().unwrap_or(0),
            Node::Obj(members) => 1 + members.iter().map(|(_, v)| v.nesting()).max().unwrap_or(0),
            _ => 0,
        }
    }
}

/// A small deterministic generator (xorshift64*), seeded by proptest, for the choices that
/// need not shrink: escapes, white space, member order.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }
}

/// Writes [`Node`]s as JSON text with arbitrary escapes and white space. Names no object of
/// the event defines are written as serde_json writes them, so that a relay's output can be
/// predicted; every other string may be escaped in any way JSON allows.
struct Writer {
    rng: Rng,
    out: String,
}

impl Writer {
    fn new(seed: u64) -> Self {
        Writer {
            rng: Rng::new(seed),
            out: String::new(),
        }
    }

    /// A whole document: white space around the value too.
    fn document(seed: u64, node: &Node) -> String {
        let mut w = Writer::new(seed);
        w.space();
        w.value(node);
        w.space();
        w.out
    }

    /// One value, with nothing around it.
    fn text(seed: u64, node: &Node) -> String {
        let mut w = Writer::new(seed);
        w.value(node);
        w.out
    }

    fn space(&mut self) {
        if self.rng.chance(15) {
            for _ in 0..1 + self.rng.below(3) {
                let c = [' ', '\t', '\n', '\r'][self.rng.below(4)];
                self.out.push(c);
            }
        }
    }

    fn value(&mut self, node: &Node) {
        match node {
            Node::Null => self.out.push_str("null"),
            Node::Bool(b) => self.out.push_str(if *b { "true" } else { "false" }),
            Node::Num(raw) | Node::Raw(raw) => self.out.push_str(raw),
            Node::Str(s) => self.string(s, true),
            Node::Arr(items) => {
                self.out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        self.space();
                        self.out.push(',');
                    }
                    self.space();
                    self.value(item);
                }
                self.space();
                self.out.push(']');
            }
            Node::Obj(members) => {
                self.out.push('{');
                for (i, (name, value)) in members.iter().enumerate() {
                    if i > 0 {
                        self.space();
                        self.out.push(',');
                    }
                    self.space();
                    self.string(name, is_defined_anywhere(name));
                    self.space();
                    self.out.push(':');
                    self.space();
                    self.value(value);
                }
                self.space();
                self.out.push('}');
            }
        }
    }

    fn string(&mut self, s: &str, styled: bool) {
        if !styled {
            self.out.push_str(&serde_json::to_string(s).unwrap());
            return;
        }
        self.out.push('"');
        for c in s.chars() {
            let roll = self.rng.below(100);
            match c {
                '"' if roll >= 30 => self.out.push_str("\\\""),
                '\\' if roll >= 30 => self.out.push_str("\\\\"),
                '/' if roll < 30 => self.out.push_str("\\/"),
                '\u{8}' if roll >= 30 => self.out.push_str("\\b"),
                '\u{c}' if roll >= 30 => self.out.push_str("\\f"),
                '\n' if roll >= 30 => self.out.push_str("\\n"),
                '\r' if roll >= 30 => self.out.push_str("\\r"),
                '\t' if roll >= 30 => self.out.push_str("\\t"),
                '"' | '\\' => self.unicode_escape(c),
                c if c < ' ' || roll < 12 => self.unicode_escape(c),
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }

    /// `\uXXXX`, a surrogate pair beyond the BMP, hex digits in either case.
    fn unicode_escape(&mut self, c: char) {
        let mut units = [0u16; 2];
        for unit in c.encode_utf16(&mut units) {
            if self.rng.chance(50) {
                self.out.push_str(&format!("\\u{unit:04x}"));
            } else {
                self.out.push_str(&format!("\\u{unit:04X}"));
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Valid events
// ---------------------------------------------------------------------------------------------

/// An optional member: absent, `null`, or set.
#[derive(Clone, Debug)]
enum Slot<T> {
    Absent,
    Null,
    Set(T),
}

impl<T: Clone> Slot<T> {
    fn get(&self) -> Option<T> {
        match self {
            Slot::Set(value) => Some(value.clone()),
            _ => None,
        }
    }

    /// The member `name` as it is written, if it is.
    fn member(&self, name: &str, node: impl FnOnce(&T) -> Node) -> Option<(String, Node)> {
        match self {
            Slot::Absent => None,
            Slot::Null => Some((name.to_owned(), Node::Null)),
            Slot::Set(value) => Some((name.to_owned(), node(value))),
        }
    }
}

type Unknowns = Vec<(String, Node)>;

/// A valid event: every member of the source document, and members no Rust type defines.
#[derive(Clone, Debug)]
struct Valid {
    id: String,
    owner_organization_uid: String,
    owner_parent_company_uid: String,
    organization_uid: Slot<String>,
    status: Slot<ProvisioningStatus>,
    confirmed_ownership: Slot<bool>,
    serial_number: Slot<String>,
    mac_address: Slot<String>,
    model: Slot<String>,
    brand: Slot<String>,
    tag_uids: Slot<Vec<String>>,
    device_name: Slot<String>,
    policy_uid: Slot<String>,
    location_uid: Slot<String>,
    warning_message: Slot<String>,
    error_message: Slot<String>,
    originator: Slot<(Slot<i64>, Slot<String>, Slot<String>)>,
    uid: String,
    /// Unknown members of the envelope, the payload, the owner, the originator and
    /// `unsuccessfulRegisterAttemptStatus`.
    unknown: [Unknowns; 5],
    /// Seeds the member order, the escapes and the white space.
    seed: u64,
}

impl Valid {
    /// The event as a tree to write, members in an arbitrary order. With `raw`, each unknown
    /// member's value is written out first (escapes and white space inside it included), so
    /// that its exact text is known.
    fn node(&self, raw: bool) -> Node {
        let mut rng = Rng::new(self.seed);
        let unknown = |members: &Unknowns, rng: &mut Rng| -> Unknowns {
            members
                .iter()
                .map(|(name, value)| {
                    let value = if raw {
                        Node::Raw(Writer::text(rng.next(), value))
                    } else {
                        value.clone()
                    };
                    (name.clone(), value)
                })
                .collect()
        };
        let object = |mut members: Vec<(String, Node)>, extra: Unknowns, rng: &mut Rng| {
            members.extend(extra);
            rng.shuffle(&mut members);
            Node::Obj(members)
        };
        let string = |s: &String| Node::Str(s.clone());

        let extra = unknown(&self.unknown[2], &mut rng);
        let owner = object(
            vec![
                ("ownershipType".into(), Node::Str("organization".into())),
                (
                    "organizationUid".into(),
                    Node::Str(self.owner_organization_uid.clone()),
                ),
                (
                    "parentCompanyUid".into(),
                    Node::Str(self.owner_parent_company_uid.clone()),
                ),
            ],
            extra,
            &mut rng,
        );
        let minus_zero = rng.chance(50);
        let extra = unknown(&self.unknown[3], &mut rng);
        let originator = match &self.originator {
            Slot::Set((account_id, organization_uid, policy_uid)) => {
                let members = [
                    account_id.member("accountId", |n| {
                        Node::Num(if *n == 0 && minus_zero {
                            "-0".into()
                        } else {
                            n.to_string()
                        })
                    }),
                    organization_uid.member("organizationUid", string),
                    policy_uid.member("policyUid", string),
                ];
                Some((
                    "originator".to_owned(),
                    object(members.into_iter().flatten().collect(), extra, &mut rng),
                ))
            }
            other => other.member("originator", |_| unreachable!()),
        };
        let extra = unknown(&self.unknown[4], &mut rng);
        let attempt = match &self.warning_message {
            Slot::Set(message) => Some((
                "unsuccessfulRegisterAttemptStatus".to_owned(),
                object(
                    vec![("warningMessage".into(), Node::Str(message.clone()))],
                    extra,
                    &mut rng,
                ),
            )),
            other => other.member("unsuccessfulRegisterAttemptStatus", |_| unreachable!()),
        };
        let members = [
            Some(("owner".to_owned(), owner)),
            self.organization_uid.member("organizationUid", string),
            self.status
                .member("status", |s| Node::Str(format!("{s:?}"))),
            self.confirmed_ownership
                .member("confirmedOwnership", |b| Node::Bool(*b)),
            self.serial_number.member("serialNumber", string),
            self.mac_address.member("macAddress", string),
            self.model.member("model", string),
            self.brand.member("brand", string),
            self.tag_uids.member("tagUids", |tags| {
                Node::Arr(tags.iter().map(string).collect())
            }),
            self.device_name.member("deviceName", string),
            self.policy_uid.member("policyUid", string),
            self.location_uid.member("locationUid", string),
            attempt,
            self.error_message.member("errorMessage", string),
            Some(("type".to_owned(), Node::Str(TYPE.into()))),
            originator,
            Some(("uid".to_owned(), Node::Str(self.uid.clone()))),
        ];
        let extra = unknown(&self.unknown[1], &mut rng);
        let payload = object(members.into_iter().flatten().collect(), extra, &mut rng);
        let extra = unknown(&self.unknown[0], &mut rng);
        object(
            vec![
                ("id".into(), Node::Str(self.id.clone())),
                ("kind".into(), Node::Str("domain".into())),
                ("type".into(), Node::Str(TYPE.into())),
                ("payload".into(), payload),
            ],
            extra,
            &mut rng,
        )
    }

    /// The payload as the typed decoder must read it.
    fn payload(&self) -> ProvisioningRecipeUpdated {
        ProvisioningRecipeUpdated {
            owner: Organization::new(
                self.owner_organization_uid.clone(),
                self.owner_parent_company_uid.clone(),
            ),
            organization_uid: self.organization_uid.get(),
            status: self.status.get(),
            confirmed_ownership: self.confirmed_ownership.get(),
            serial_number: self.serial_number.get(),
            mac_address: self.mac_address.get(),
            model: self.model.get(),
            brand: self.brand.get(),
            tag_uids: self.tag_uids.get(),
            device_name: self.device_name.get(),
            policy_uid: self.policy_uid.get(),
            location_uid: self.location_uid.get(),
            unsuccessful_register_attempt_status: self
                .warning_message
                .get()
                .map(|warning_message| UnsuccessfulRegisterAttemptStatus { warning_message }),
            error_message: self.error_message.get(),
            originator: self
                .originator
                .get()
                .map(|(account_id, organization_uid, policy_uid)| Originator {
                    account_id: account_id.get(),
                    organization_uid: organization_uid.get(),
                    policy_uid: policy_uid.get(),
                }),
            uid: self.uid.clone(),
        }
    }
}

/// The compact text an encoder writes for the event `node`: the defined members in document
/// order, unset ones left out, then the envelope's and the payload's unknown members in input
/// order, their values as written; unknown members of the objects inside the payload are not
/// kept.
fn canonical(node: &Node) -> String {
    fn object(members: &[(String, Node)], path: &str, keep_unknown: bool, out: &mut String) {
        out.push('{');
        let mut first = true;
        let mut put = |name: &str, value: &Node, out: &mut String| {
            if !first {
                out.push(',');
            }
            first = false;
            out.push_str(&serde_json::to_string(name).unwrap());
            out.push(':');
            let path = if path.is_empty() {
                name.to_owned()
            } else {
                format!("{path}.{name}")
            };
            known(value, &path, out);
        };
        for name in defined_in(path) {
            for (_, value) in members.iter().filter(|(n, _)| n == name) {
                if *value != Node::Null {
                    put(name, value, out);
                }
            }
        }
        if keep_unknown {
            let names = defined_in(path);
            for (name, value) in members.iter().filter(|(n, _)| !names.contains(&n.as_str())) {
                put(name, value, out);
            }
        }
        out.push('}');
    }
    fn known(value: &Node, path: &str, out: &mut String) {
        match value {
            Node::Obj(members) => {
                let keep = path.is_empty() || path == "payload";
                object(members, path, keep, out)
            }
            Node::Str(s) => out.push_str(&serde_json::to_string(s).unwrap()),
            Node::Num(raw) => out.push_str(&raw.parse::<i64>().unwrap().to_string()),
            Node::Arr(items) => {
                let items: Vec<String> = items
                    .iter()
                    .map(|item| {
                        let mut text = String::new();
                        known(item, path, &mut text);
                        text
                    })
                    .collect();
                out.push_str(&format!("[{}]", items.join(",")));
            }
            Node::Bool(b) => out.push_str(&b.to_string()),
            Node::Raw(raw) => out.push_str(raw),
            Node::Null => out.push_str("null"),
        }
    }
    let mut out = String::new();
    known(node, "", &mut out);
    out
}

/// What the event `node` means to a relay, as serde_json reads it: the input less its unset
/// (`null`) optional members and the unknown members of the objects inside the payload.
fn meaning(node: &Node) -> Value {
    fn go(node: &Node, path: Option<&str>) -> Value {
        match node {
            Node::Null => Value::Null,
            Node::Bool(b) => Value::Bool(*b),
            // The one defined number, `accountId`, is an integer: `-0` is 0.
            Node::Num(raw) if path.is_some() => Value::from(raw.parse::<i64>().unwrap()),
            Node::Num(raw) | Node::Raw(raw) => serde_json::from_str(raw).unwrap(),
            Node::Str(s) => Value::String(s.clone()),
            Node::Arr(items) => Value::Array(items.iter().map(|i| go(i, None)).collect()),
            Node::Obj(members) => {
                let mut object = serde_json::Map::new();
                for (name, value) in members {
                    let Some(path) = path else {
                        object.insert(name.clone(), go(value, None));
                        continue;
                    };
                    let defined = defined_in(path).contains(&name.as_str());
                    let keeps_unknown = path.is_empty() || path == "payload";
                    if (defined && *value == Node::Null) || (!defined && !keeps_unknown) {
                        continue;
                    }
                    let inner = if path.is_empty() {
                        name.clone()
                    } else {
                        format!("{path}.{name}")
                    };
                    object.insert(name.clone(), go(value, defined.then_some(inner.as_str())));
                }
                Value::Object(object)
            }
        }
    }
    go(node, Some(""))
}

// ---------------------------------------------------------------------------------------------
// Strategies
// ---------------------------------------------------------------------------------------------

fn character() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => any::<char>(),
        3 => prop::char::range(' ', '~'),
        2 => prop::sample::select(vec![
            '"', '\\', '/', '\n', '\r', '\t', '\u{0}', '\u{8}', '\u{c}', '\u{1f}', '\u{7f}',
            '\u{80}', '\u{2028}', '\u{2029}', '\u{feff}', '\u{fffd}', '\u{ffff}', '\u{10000}',
            '\u{10ffff}', '\u{1f600}', 'é', 'x',
        ]),
    ]
}

/// Arbitrary strings: any Unicode scalar, with the ones JSON must or may escape often.
fn text_of(len: std::ops::Range<usize>) -> impl Strategy<Value = String> {
    prop::collection::vec(character(), len).prop_map(String::from_iter)
}

fn text() -> impl Strategy<Value = String> {
    text_of(0..12)
}

fn non_empty_text() -> impl Strategy<Value = String> {
    text_of(1..12)
}

fn slot<T: Clone + std::fmt::Debug>(
    value: impl Strategy<Value = T>,
) -> impl Strategy<Value = Slot<T>> {
    prop_oneof![
        1 => Just(Slot::Absent),
        1 => Just(Slot::Null),
        2 => value.prop_map(Slot::Set),
    ]
}

fn status() -> impl Strategy<Value = ProvisioningStatus> {
    prop::sample::select(vec![
        ProvisioningStatus::Pending,
        ProvisioningStatus::Applied,
        ProvisioningStatus::Failed,
        ProvisioningStatus::Invalid,
    ])
}

fn account_id() -> impl Strategy<Value = i64> {
    prop_oneof![
        any::<i64>(),
        -1000..1000i64,
        Just(0),
        Just(i64::MIN),
        Just(i64::MAX),
    ]
}

/// Any JSON value (numbers serde_json can read back).
fn json_node() -> impl Strategy<Value = Node> {
    let leaf = prop_oneof![
        Just(Node::Null),
        any::<bool>().prop_map(Node::Bool),
        any::<i64>().prop_map(|n| Node::Num(n.to_string())),
        (-1e12f64..1e12).prop_map(|f| Node::Num(Value::from(f).to_string())),
        prop::sample::select(vec!["0", "-0", "-0.0", "1E+2", "2.5e-3", "1e300"])
            .prop_map(|n| Node::Num(n.to_owned())),
        text_of(0..8).prop_map(Node::Str),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Node::Arr),
            prop::collection::vec((text_of(0..6), inner), 0..4).prop_map(Node::Obj),
        ]
    })
}

/// Unknown members: names that no object of the event defines (so that their spelling on
/// output is predictable), distinct, with any values.
fn unknowns(max: usize) -> impl Strategy<Value = Unknowns> {
    (
        prop::collection::btree_set(text_of(0..8), 0..=max),
        prop::collection::vec(json_node(), max),
    )
        .prop_map(|(names, values)| {
            names
                .into_iter()
                .filter(|name| !is_defined_anywhere(name))
                .zip(values)
                .collect()
        })
}

fn valid_event() -> impl Strategy<Value = Valid> {
    let required = (
        non_empty_text(),
        non_empty_text(),
        non_empty_text(),
        non_empty_text(),
        any::<u64>(),
    );
    let strings = prop::collection::vec(slot(text()), 9);
    let others = (
        slot(status()),
        slot(any::<bool>()),
        slot(prop::collection::vec(text(), 0..4)),
        slot(text()),
        slot((slot(account_id()), slot(text()), slot(text()))),
    );
    let unknown = prop_oneof![
        1 => Just(Default::default()),
        1 => (unknowns(3), unknowns(3), unknowns(1), unknowns(1), unknowns(1))
            .prop_map(|(a, b, c, d, e)| [a, b, c, d, e]),
    ];
    (required, strings, others, unknown).prop_map(
        |(
            (id, owner_organization_uid, owner_parent_company_uid, uid, seed),
            strings,
            (status, confirmed_ownership, tag_uids, warning_message, originator),
            unknown,
        )| {
            let mut strings = strings.into_iter();
            let mut next = || strings.next().unwrap();
            Valid {
                id,
                owner_organization_uid,
                owner_parent_company_uid,
                organization_uid: next(),
                status,
                confirmed_ownership,
                serial_number: next(),
                mac_address: next(),
                model: next(),
                brand: next(),
                tag_uids,
                device_name: next(),
                policy_uid: next(),
                location_uid: next(),
                warning_message,
                error_message: next(),
                originator,
                uid,
                unknown,
                seed,
            }
        },
    )
}

// ---------------------------------------------------------------------------------------------
// Both decoders, one answer
// ---------------------------------------------------------------------------------------------

fn show(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    if text.chars().count() > 1500 {
        let head: String = text.chars().take(1500).collect();
        format!("{head}… ({} bytes)", bytes.len())
    } else {
        format!("{text:?}")
    }
}

fn registry() -> &'static Registry {
    Registry::global().expect("the registry is usable")
}

fn typed(bytes: &[u8]) -> Result<Envelope<ProvisioningRecipeUpdated>, Error> {
    Envelope::<ProvisioningRecipeUpdated>::from_slice(bytes)
}

fn dynamic(bytes: &[u8]) -> Result<AnyEnvelope, Error> {
    registry().decode(bytes)
}

/// Decodes `bytes` with both decoders, which must agree (and an event they accept must
/// encode to bytes they read back as the same event), and validates it, which must agree
/// with them; the one answer.
fn decode_both(bytes: &[u8]) -> Result<Result<(), Error>, TestCaseError> {
    let answer = decode_typed_and_dynamic(bytes)?;
    validates_as_decoded(bytes, &answer)?;
    Ok(answer)
}

/// `Registry::validate` gives the decoders' verdict: the same error, or for a valid event
/// its `id` and type.
fn validates_as_decoded(bytes: &[u8], answer: &Result<(), Error>) -> Result<(), TestCaseError> {
    let validated = registry().validate(bytes);
    match (answer, validated) {
        (Ok(()), Ok(valid)) => {
            let decoded = dynamic(bytes).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(
                (valid.id(), valid.event_type()),
                (decoded.id(), decoded.event_type()),
                "for {}",
                show(bytes)
            );
        }
        (Err(decoded), Err(validated)) => {
            prop_assert_eq!(&validated, decoded, "for {}", show(bytes));
        }
        (answer, validated) => {
            return Err(TestCaseError::fail(format!(
                "validate says {validated:?}, decoding {answer:?}\n  for {}",
                show(bytes)
            )));
        }
    }
    Ok(())
}

/// Decodes `bytes` with the typed and the by-type-string decoders, which must agree.
fn decode_typed_and_dynamic(bytes: &[u8]) -> Result<Result<(), Error>, TestCaseError> {
    match (typed(bytes), dynamic(bytes)) {
        (Ok(by_type), Ok(by_registry)) => {
            let written = by_type.to_json();
            prop_assert_eq!(&by_registry.to_json(), &written, "for {}", show(bytes));
            let again = typed(written.as_bytes());
            prop_assert_eq!(again.as_ref(), Ok(&by_type), "written: {}", written);
            let by_registry = by_registry
                .downcast::<ProvisioningRecipeUpdated>()
                .map_err(|_| TestCaseError::fail("the registry decoded another type"))?;
            prop_assert_eq!(by_registry, by_type);
            Ok(Ok(()))
        }
        (Err(by_type), Err(by_registry)) => {
            for error in [&by_type, &by_registry] {
                prop_assert!(ErrorKind::ALL.contains(&error.kind()));
                prop_assert_eq!(error.kind().as_str().parse::<ErrorKind>(), Ok(error.kind()));
                let message = error.message();
                prop_assert!(
                    message.contains("expected") && message.contains("found"),
                    "the message does not name what was expected and found: {:?}\n  for {}",
                    error,
                    show(bytes)
                );
            }
            prop_assert_eq!(
                (by_type.kind(), by_type.path()),
                (by_registry.kind(), by_registry.path()),
                "the decoders disagree:\n  typed:    {}\n  registry: {}\n  for {}",
                by_type,
                by_registry,
                show(bytes)
            );
            Ok(Err(by_registry))
        }
        (Ok(_), Err(e)) => Err(TestCaseError::fail(format!(
            "only the typed decoder accepts; the registry: {e}\n  for {}",
            show(bytes)
        ))),
        (Err(e), Ok(_)) => Err(TestCaseError::fail(format!(
            "only the registry accepts; the typed decoder: {e}\n  for {}",
            show(bytes)
        ))),
    }
}

/// Whether the path `a` is `b` or encloses it (`payload` encloses `payload.owner` and
/// `payload.tagUids` encloses `payload.tagUids[2]`; the empty path encloses every path).
fn on_the_way(a: &str, b: &str) -> bool {
    a.is_empty()
        || a == b
        || (b.len() > a.len() && b.starts_with(a) && matches!(b.as_bytes()[a.len()], b'.' | b'['))
}

/// The error names the member at one of `paths`, an ancestor of it or a descendant of it;
/// the empty path only for `malformed_json`.
fn names_one_of(error: &Error, paths: &[String]) -> bool {
    if error.path().is_empty() {
        return error.kind() == ErrorKind::MalformedJson;
    }
    paths
        .iter()
        .any(|p| on_the_way(error.path(), p) || on_the_way(p, error.path()))
}

/// Decodes `bytes` with both decoders and checks their one answer against [`expect`]; the
/// answer.
fn check(bytes: &[u8]) -> Result<Result<(), Error>, TestCaseError> {
    let answer = decode_both(bytes)?;
    let expected = expect(bytes);
    let fits = match (&expected, &answer) {
        (Expected::NotJson { broke_at }, Err(e)) => {
            e.kind() == ErrorKind::MalformedJson && on_the_way(e.path(), broke_at)
        }
        (Expected::NotJson { .. }, Ok(())) => false,
        (Expected::Json(found), Ok(())) => found.definite.is_empty() && found.defects.is_empty(),
        (Expected::Json(found), Err(e)) => {
            found
                .defects
                .iter()
                .any(|(kinds, path)| kinds.contains(&e.kind()) && path == e.path())
                || (e.kind() == ErrorKind::MalformedJson
                    && (found.definite.iter())
                        .chain(&found.possible)
                        .any(|p| on_the_way(e.path(), p)))
        }
    };
    prop_assert!(
        fits,
        "the decoders answer {:?}; the contract expects {:?}\n  for {}",
        answer.as_ref().map_err(|e| e.to_string()),
        expected,
        show(bytes)
    );
    Ok(answer)
}

// ---------------------------------------------------------------------------------------------
// The contract, read independently
// ---------------------------------------------------------------------------------------------

/// JSON as a strict reader sees it: members in order, duplicates kept, strings unescaped
/// with a note of any lone surrogate escape.
#[derive(Debug)]
enum Json {
    Null,
    Bool,
    /// A number, as written.
    Num(String),
    Str(Text),
    Arr(Vec<Json>),
    Obj(Vec<(Text, Json)>),
}

#[derive(Debug)]
struct Text {
    text: String,
    /// It holds a lone surrogate escape (`"\ud800"`), which no Rust string can.
    lone: bool,
}

enum Segment {
    Key(String),
    Index(usize),
}

/// A strict RFC 8259 parser, with the contract's depth limit; on failure, the path of the
/// member being read when the bytes broke.
struct Parser<'b> {
    bytes: &'b [u8],
    at: usize,
    depth: usize,
    path: Vec<Segment>,
}

fn parse(bytes: &[u8]) -> Result<Json, String> {
    let mut parser = Parser {
        bytes,
        at: 0,
        depth: 0,
        path: Vec::new(),
    };
    parser.document().map_err(|()| {
        let mut path = String::new();
        for segment in &parser.path {
            match segment {
                Segment::Key(name) if path.is_empty() => path.push_str(name),
                Segment::Key(name) => path.push_str(&format!(".{name}")),
                Segment::Index(i) => path.push_str(&format!("[{i}]")),
            }
        }
        path
    })
}

impl Parser<'_> {
    fn document(&mut self) -> Result<Json, ()> {
        self.space();
        let value = self.value()?;
        self.space();
        if self.at == self.bytes.len() {
            Ok(value)
        } else {
            Err(())
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn next(&mut self) -> Result<u8, ()> {
        let byte = self.peek().ok_or(())?;
        self.at += 1;
        Ok(byte)
    }

    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        if found {
            self.at += 1;
        }
        found
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn value(&mut self) -> Result<Json, ()> {
        match self.peek().ok_or(())? {
            b'{' => self.object(),
            b'[' => self.array(),
            b'"' => Ok(Json::Str(self.string()?)),
            b't' => self.literal(b"true", Json::Bool),
            b'f' => self.literal(b"false", Json::Bool),
            b'n' => self.literal(b"null", Json::Null),
            b'-' | b'0'..=b'9' => self.number(),
            _ => Err(()),
        }
    }

    fn enter(&mut self) -> Result<(), ()> {
        self.at += 1;
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            Err(())
        } else {
            Ok(())
        }
    }

    fn object(&mut self) -> Result<Json, ()> {
        self.enter()?;
        let mut members = Vec::new();
        self.space();
        if !self.eat(b'}') {
            loop {
                self.space();
                if self.peek() != Some(b'"') {
                    return Err(());
                }
                let name = self.string()?;
                if !members.is_empty() {
                    self.path.pop();
                }
                self.path.push(Segment::Key(name.text.clone()));
                self.space();
                if !self.eat(b':') {
                    return Err(());
                }
                self.space();
                let value = self.value()?;
                members.push((name, value));
                self.space();
                match self.next()? {
                    b',' => {}
                    b'}' => break,
                    _ => return Err(()),
                }
            }
            self.path.pop();
        }
        self.depth -= 1;
        Ok(Json::Obj(members))
    }

    fn array(&mut self) -> Result<Json, ()> {
        self.enter()?;
        let mut items = Vec::new();
        self.space();
        if !self.eat(b']') {
            self.path.push(Segment::Index(0));
            loop {
                self.space();
                items.push(self.value()?);
                self.space();
                match self.next()? {
                    b',' => {
                        self.path.pop();
                        self.path.push(Segment::Index(items.len()));
                    }
                    b']' => break,
                    _ => return Err(()),
                }
            }
            self.path.pop();
        }
        self.depth -= 1;
        Ok(Json::Arr(items))
    }

    fn literal(&mut self, word: &[u8], value: Json) -> Result<Json, ()> {
        if self.bytes[self.at..].starts_with(word) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(())
        }
    }

    fn digits(&mut self) -> Result<(), ()> {
        if !matches!(self.peek(), Some(b'0'..=b'9')) {
            return Err(());
        }
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
        Ok(())
    }

    fn number(&mut self) -> Result<Json, ()> {
        let start = self.at;
        self.eat(b'-');
        match self.next()? {
            b'0' => {}
            b'1'..=b'9' => {
                while matches!(self.peek(), Some(b'0'..=b'9')) {
                    self.at += 1;
                }
            }
            _ => return Err(()),
        }
        if self.eat(b'.') {
            self.digits()?;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if !self.eat(b'+') {
                self.eat(b'-');
            }
            self.digits()?;
        }
        let raw = std::str::from_utf8(&self.bytes[start..self.at]).unwrap();
        Ok(Json::Num(raw.to_owned()))
    }

    fn hex4(&mut self) -> Result<u32, ()> {
        let digits = self.bytes.get(self.at..self.at + 4).ok_or(())?;
        let digits = std::str::from_utf8(digits).map_err(|_| ())?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(());
        }
        self.at += 4;
        u32::from_str_radix(digits, 16).map_err(|_| ())
    }

    fn string(&mut self) -> Result<Text, ()> {
        self.at += 1;
        let mut text = String::new();
        let mut lone = false;
        loop {
            match self.next()? {
                b'"' => return Ok(Text { text, lone }),
                b'\\' => match self.next()? {
                    b'"' => text.push('"'),
                    b'\\' => text.push('\\'),
                    b'/' => text.push('/'),
                    b'b' => text.push('\u{8}'),
                    b'f' => text.push('\u{c}'),
                    b'n' => text.push('\n'),
                    b'r' => text.push('\r'),
                    b't' => text.push('\t'),
                    b'u' => {
                        let unit = self.hex4()?;
                        match unit {
                            0xD800..=0xDBFF => {
                                let back = self.at;
                                let low = if self.bytes[self.at..].starts_with(b"\\u") {
                                    self.at += 2;
                                    self.hex4()?
                                } else {
                                    0
                                };
                                if (0xDC00..=0xDFFF).contains(&low) {
                                    let c = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                                    text.push(char::from_u32(c).unwrap());
                                } else {
                                    self.at = back;
                                    lone = true;
                                    text.push('\u{fffd}');
                                }
                            }
                            0xDC00..=0xDFFF => {
                                lone = true;
                                text.push('\u{fffd}');
                            }
                            unit => text.push(char::from_u32(unit).unwrap()),
                        }
                    }
                    _ => return Err(()),
                },
                0x00..=0x1F => return Err(()),
                byte @ 0x20..=0x7F => text.push(byte as char),
                lead => {
                    let len = match lead {
                        0xC2..=0xDF => 2,
                        0xE0..=0xEF => 3,
                        0xF0..=0xF4 => 4,
                        _ => return Err(()),
                    };
                    let start = self.at - 1;
                    let bytes = self.bytes.get(start..start + len).ok_or(())?;
                    text.push_str(std::str::from_utf8(bytes).map_err(|_| ())?);
                    self.at = start + len;
                }
            }
        }
    }
}

type Kinds = &'static [ErrorKind];
const MISSING_FIELD: Kinds = &[ErrorKind::MissingField];
const INVALID_TYPE: Kinds = &[ErrorKind::InvalidType];
const INVALID_VALUE: Kinds = &[ErrorKind::InvalidValue];
const DUPLICATE_KEY: Kinds = &[ErrorKind::DuplicateKey];
const UNKNOWN_TYPE: Kinds = &[ErrorKind::UnknownType];
const TYPE_MISMATCH: Kinds = &[ErrorKind::TypeMismatch];
const INVALID_OWNER: Kinds = &[ErrorKind::InvalidOwner];
const OUT_OF_RANGE: Kinds = &[ErrorKind::InvalidValue, ErrorKind::InvalidType];

/// What the contract says of some bytes.
#[derive(Debug)]
enum Expected {
    /// Not JSON (section 3, rule 1): `malformed_json`, with the empty path or the path of a
    /// member on the way to `broke_at`, where a strict reader found the bytes broken.
    NotJson { broke_at: String },
    /// JSON: accepted if it has no defect, else rejected with one of them.
    Json(Found),
}

/// The defects of a JSON value read as an event.
#[derive(Debug, Default)]
struct Found {
    /// Each defect: the kinds it may be reported as, at its path.
    defects: Vec<(Kinds, String)>,
    /// Where a string (or a member name) the event surely reads holds a lone surrogate:
    /// `malformed_json` there, before any other kind for that member (rule 1); with other
    /// defects elsewhere, any of them may be reported instead (rule 5).
    definite: Vec<String>,
    /// Where one the event may or may not read does (a copy of a duplicated member, a
    /// member of the wrong type, a payload whose envelope `type` could not be read):
    /// `malformed_json` there is a possible answer too.
    possible: Vec<String>,
}

/// Whether the event surely reads an object.
#[derive(Clone, Copy, PartialEq)]
enum Reads {
    Surely,
    Maybe,
}

/// How a member's value is checked: by the reader of its type, with its path.
type Check<'c> = &'c dyn Fn(&mut Found, &Json, &str, Reads);

fn expect(bytes: &[u8]) -> Expected {
    match parse(bytes) {
        Err(broke_at) => Expected::NotJson { broke_at },
        Ok(root) => Expected::Json(Found::event(&root)),
    }
}

fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_owned()
    } else {
        format!("{path}.{name}")
    }
}

impl Found {
    fn defect(&mut self, kinds: Kinds, path: &str) {
        self.defects.push((kinds, path.to_owned()));
    }

    fn lone(&mut self, path: &str, reads: Reads) {
        match reads {
            Reads::Surely => self.definite.push(path.to_owned()),
            Reads::Maybe => self.possible.push(path.to_owned()),
        }
    }

    /// Lone surrogates anywhere inside a value the event does not read as a string.
    fn lone_within(&mut self, value: &Json, path: &str) {
        match value {
            Json::Str(t) if t.lone => self.possible.push(path.to_owned()),
            Json::Arr(items) => items.iter().for_each(|i| self.lone_within(i, path)),
            Json::Obj(members) => {
                for (name, value) in members {
                    if name.lone {
                        self.possible.push(path.to_owned());
                    }
                    self.lone_within(value, path);
                }
            }
            _ => {}
        }
    }

    /// The names of an object the event reads are all compared with the ones it defines.
    fn names(&mut self, members: &[(Text, Json)], path: &str, reads: Reads) {
        if members.iter().any(|(name, _)| name.lone) {
            self.lone(path, reads);
        }
    }

    /// The member `name` of an object at `object`: `required` gives the kinds for its
    /// absence (or `null`); a key given twice is `duplicate_key` (rule 2), whatever its
    /// copies hold, though what is inside them may be reported too (rule 5).
    fn member(
        &mut self,
        members: &[(Text, Json)],
        object: &str,
        name: &str,
        reads: Reads,
        required: Option<Kinds>,
        check: Check<'_>,
    ) {
        let path = join(object, name);
        let copies: Vec<&Json> = members
            .iter()
            .filter(|(n, _)| !n.lone && n.text == name)
            .map(|(_, value)| value)
            .collect();
        match copies[..] {
            [] | [Json::Null] => {
                if let Some(kinds) = required {
                    self.defect(kinds, &path);
                }
            }
            [value] => check(self, value, &path, reads),
            _ => {
                self.defect(DUPLICATE_KEY, &path);
                for value in copies {
                    let mut inside = Found::default();
                    check(&mut inside, value, &path, Reads::Maybe);
                    self.defects
                        .extend(inside.defects.into_iter().filter(|(_, p)| *p != path));
                    self.possible.extend(inside.definite);
                    self.possible.extend(inside.possible);
                }
            }
        }
    }

    /// A string member: of another JSON type `wrong`, else checked by `value`.
    fn string(
        &mut self,
        value: &Json,
        path: &str,
        reads: Reads,
        wrong: Kinds,
        check: impl Fn(&str) -> Option<Kinds>,
    ) {
        match value {
            Json::Str(t) if t.lone => self.lone(path, reads),
            Json::Str(t) => {
                if let Some(kinds) = check(&t.text) {
                    self.defect(kinds, path);
                }
            }
            other => {
                self.defect(wrong, path);
                self.lone_within(other, path);
            }
        }
    }

    fn any_string(&mut self, value: &Json, path: &str, reads: Reads) {
        self.string(value, path, reads, INVALID_TYPE, |_| None);
    }

    /// An object member: of another JSON type `wrong`, else its members checked by `inside`.
    fn object(
        &mut self,
        value: &Json,
        path: &str,
        reads: Reads,
        wrong: Kinds,
        inside: impl Fn(&mut Found, &[(Text, Json)]),
    ) {
        match value {
            Json::Obj(members) => {
                self.names(members, path, reads);
                inside(self, members);
            }
            other => {
                self.defect(wrong, path);
                self.lone_within(other, path);
            }
        }
    }

    fn event(root: &Json) -> Found {
        let mut found = Found::default();
        let Json::Obj(envelope) = root else {
            found.defect(INVALID_TYPE, "");
            return found;
        };
        let surely = Reads::Surely;
        found.names(envelope, "", surely);
        found.member(
            envelope,
            "",
            "id",
            surely,
            Some(MISSING_FIELD),
            &|f, v, p, r| {
                f.string(v, p, r, INVALID_TYPE, |s| {
                    s.is_empty().then_some(INVALID_VALUE)
                })
            },
        );
        found.member(
            envelope,
            "",
            "kind",
            surely,
            Some(MISSING_FIELD),
            &|f, v, p, r| {
                f.string(v, p, r, INVALID_TYPE, |s| {
                    (s != "domain").then_some(INVALID_VALUE)
                })
            },
        );
        // Only `Device.ProvisioningRecipeUpdated` is registered in this binary (checked by
        // `only_the_device_event_is_registered`).
        found.member(
            envelope,
            "",
            "type",
            surely,
            Some(MISSING_FIELD),
            &|f, v, p, r| {
                f.string(v, p, r, INVALID_TYPE, |s| {
                    (s != TYPE).then_some(UNKNOWN_TYPE)
                })
            },
        );
        let types: Vec<&Json> = envelope
            .iter()
            .filter(|(n, _)| !n.lone && n.text == "type")
            .map(|(_, v)| v)
            .collect();
        let (payload_read, envelope_type) = match types[..] {
            [Json::Str(t)] if !t.lone && t.text == TYPE => (Some(Reads::Surely), Some(TYPE)),
            // An unregistered type: the payload is not examined (section 1).
            [Json::Str(t)] if !t.lone => (None, None),
            // No type to read the payload by, nor to compare its `type` with.
            _ => (Some(Reads::Maybe), None),
        };
        match payload_read {
            Some(reads) => found.member(
                envelope,
                "",
                "payload",
                reads,
                Some(MISSING_FIELD),
                &|f, v, p, r| f.payload(v, p, r, envelope_type),
            ),
            None => found.member(
                envelope,
                "",
                "payload",
                Reads::Maybe,
                None,
                &|_, _, _, _| {},
            ),
        }
        found
    }

    fn payload(&mut self, value: &Json, path: &str, reads: Reads, envelope_type: Option<&str>) {
        self.object(value, path, reads, INVALID_TYPE, |f, members| {
            f.member(
                members,
                path,
                "owner",
                reads,
                Some(INVALID_OWNER),
                &|f, v, p, r| f.owner(v, p, r),
            );
            for name in [
                "organizationUid",
                "serialNumber",
                "macAddress",
                "model",
                "brand",
                "deviceName",
                "policyUid",
                "locationUid",
                "errorMessage",
            ] {
                f.member(members, path, name, reads, None, &|f, v, p, r| {
                    f.any_string(v, p, r)
                });
            }
            f.member(members, path, "status", reads, None, &|f, v, p, r| {
                f.string(v, p, r, INVALID_TYPE, |s| {
                    (!STATUSES.contains(&s)).then_some(INVALID_VALUE)
                })
            });
            f.member(
                members,
                path,
                "confirmedOwnership",
                reads,
                None,
                &|f, v, p, _| {
                    if !matches!(v, Json::Bool) {
                        f.defect(INVALID_TYPE, p);
                        f.lone_within(v, p);
                    }
                },
            );
            f.member(
                members,
                path,
                "tagUids",
                reads,
                None,
                &|f, v, p, r| match v {
                    Json::Arr(items) => {
                        for (i, item) in items.iter().enumerate() {
                            f.any_string(item, &format!("{p}[{i}]"), r);
                        }
                    }
                    other => {
                        f.defect(INVALID_TYPE, p);
                        f.lone_within(other, p);
                    }
                },
            );
            let attempt = "unsuccessfulRegisterAttemptStatus";
            f.member(members, path, attempt, reads, None, &|f, v, p, r| {
                f.object(v, p, r, INVALID_TYPE, |f, members| {
                    f.member(
                        members,
                        p,
                        "warningMessage",
                        r,
                        Some(MISSING_FIELD),
                        &|f, v, p, r| f.any_string(v, p, r),
                    );
                })
            });
            f.member(
                members,
                path,
                "type",
                reads,
                Some(MISSING_FIELD),
                &|f, v, p, r| {
                    f.string(v, p, r, INVALID_TYPE, |s| match envelope_type {
                        Some(t) if s != t => Some(TYPE_MISMATCH),
                        _ => None,
                    })
                },
            );
            f.member(members, path, "originator", reads, None, &|f, v, p, r| {
                f.originator(v, p, r)
            });
            f.member(
                members,
                path,
                "uid",
                reads,
                Some(MISSING_FIELD),
                &|f, v, p, r| {
                    f.string(v, p, r, INVALID_TYPE, |s| {
                        s.is_empty().then_some(INVALID_VALUE)
                    })
                },
            );
        });
    }

    /// Anything wrong with the owner is `invalid_owner` (section 2), duplicates excepted.
    fn owner(&mut self, value: &Json, path: &str, reads: Reads) {
        self.object(value, path, reads, INVALID_OWNER, |f, members| {
            f.member(
                members,
                path,
                "ownershipType",
                reads,
                Some(INVALID_OWNER),
                &|f, v, p, r| {
                    f.string(v, p, r, INVALID_OWNER, |s| {
                        (s != "organization").then_some(INVALID_OWNER)
                    })
                },
            );
            for name in ["organizationUid", "parentCompanyUid"] {
                f.member(
                    members,
                    path,
                    name,
                    reads,
                    Some(INVALID_OWNER),
                    &|f, v, p, r| {
                        f.string(v, p, r, INVALID_OWNER, |s| {
                            s.is_empty().then_some(INVALID_OWNER)
                        })
                    },
                );
            }
        });
    }

    fn originator(&mut self, value: &Json, path: &str, reads: Reads) {
        self.object(value, path, reads, INVALID_TYPE, |f, members| {
            f.member(
                members,
                path,
                "accountId",
                reads,
                None,
                &|f, v, p, _| match v {
                    Json::Num(raw) if raw.contains(['.', 'e', 'E']) => f.defect(INVALID_TYPE, p),
                    Json::Num(raw) => {
                        if raw.parse::<i64>().is_err() {
                            f.defect(OUT_OF_RANGE, p);
                        }
                    }
                    other => {
                        f.defect(INVALID_TYPE, p);
                        f.lone_within(other, p);
                    }
                },
            );
            for name in ["organizationUid", "policyUid"] {
                f.member(members, path, name, reads, None, &|f, v, p, r| {
                    f.any_string(v, p, r)
                });
            }
        });
    }
}

// ---------------------------------------------------------------------------------------------
// Mutations
// ---------------------------------------------------------------------------------------------

/// A member of an object or an element of an array, somewhere in an event.
#[derive(Debug)]
struct Site {
    /// The member or element indices from the root.
    steps: Vec<usize>,
    path: String,
    /// The path of the object or array it is in.
    parent: String,
    /// How many arrays and objects enclose its value.
    depth: usize,
}

fn sites(root: &Node) -> Vec<Site> {
    fn go(node: &Node, steps: &mut Vec<usize>, path: &str, depth: usize, out: &mut Vec<Site>) {
        let children: Vec<(String, &Node)> = match node {
            Node::Obj(members) => members.iter().map(|(n, v)| (join(path, n), v)).collect(),
            Node::Arr(items) => items
                .iter()
                .enumerate()
                .map(|(i, v)| (format!("{path}[{i}]"), v))
                .collect(),
            _ => return,
        };
        for (i, (child, value)) in children.into_iter().enumerate() {
            steps.push(i);
            out.push(Site {
                steps: steps.clone(),
                path: child.clone(),
                parent: path.to_owned(),
                depth: depth + 1,
            });
            go(value, steps, &child, depth + 1, out);
            steps.pop();
        }
    }
    let mut out = Vec::new();
    go(root, &mut Vec::new(), "", 0, &mut out);
    out
}

fn child_mut(node: &mut Node, i: usize) -> &mut Node {
    match node {
        Node::Obj(members) => &mut members[i].1,
        Node::Arr(items) => &mut items[i],
        _ => unreachable!("a site is inside an object or an array"),
    }
}

fn container_mut<'n>(root: &'n mut Node, steps: &[usize]) -> &'n mut Node {
    steps.iter().fold(root, |node, &i| child_mut(node, i))
}

#[derive(Clone, Debug)]
enum Rename {
    /// To another name its object defines.
    Sibling(Index),
    /// The first letter's case changed: another name to a case-sensitive reader.
    Case,
    /// To any other name.
    Other(String),
}

/// One change to one member or element.
#[derive(Clone, Debug)]
enum Mutation {
    Delete,
    /// A copy, inserted at that position of the same object or array.
    Duplicate(Index),
    /// The value replaced by one of another JSON type (the given one if it is of another
    /// type, else a plain value of the type the number picks).
    Retype(Node, u8),
    Rename(Rename),
    /// Another value of the same type, picked by the number: empty, case changed, another
    /// number (with a fraction, an exponent, out of range), an element of another type…
    Revalue(u8, String),
    /// The value nested in arrays, to about the depth limit (62 to 66 levels in all).
    Deepen(u8),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let rename = prop_oneof![
        any::<Index>().prop_map(Rename::Sibling),
        Just(Rename::Case),
        text_of(0..6).prop_map(Rename::Other),
    ];
    prop_oneof![
        2 => Just(Mutation::Delete),
        2 => any::<Index>().prop_map(Mutation::Duplicate),
        3 => (json_node(), any::<u8>()).prop_map(|(n, k)| Mutation::Retype(n, k)),
        3 => rename.prop_map(Mutation::Rename),
        3 => (any::<u8>(), text_of(0..6)).prop_map(|(k, s)| Mutation::Revalue(k, s)),
        1 => any::<u8>().prop_map(Mutation::Deepen),
    ]
}

fn flip_case(name: &str) -> String {
    let mut flipped = false;
    let out: String = name
        .chars()
        .map(|c| {
            if flipped || !c.is_ascii_alphabetic() {
                c
            } else {
                flipped = true;
                if c.is_ascii_lowercase() {
                    c.to_ascii_uppercase()
                } else {
                    c.to_ascii_lowercase()
                }
            }
        })
        .collect();
    if flipped {
        out
    } else {
        format!("{name}_")
    }
}

/// Makes `mutation` at `site`; the paths of the members it changed (for a rename, the old
/// and the new name's).
fn apply(root: &mut Node, site: &Site, mutation: &Mutation) -> Vec<String> {
    let (&last, steps) = site.steps.split_last().unwrap();
    let parent = container_mut(root, steps);
    let mut paths = vec![site.path.clone()];
    match (mutation, parent) {
        (Mutation::Delete, Node::Obj(members)) => {
            members.remove(last);
        }
        (Mutation::Delete, Node::Arr(items)) | (Mutation::Rename(_), Node::Arr(items)) => {
            items.remove(last);
        }
        (Mutation::Duplicate(at), Node::Obj(members)) => {
            let copy = members[last].clone();
            members.insert(at.index(members.len() + 1), copy);
        }
        (Mutation::Duplicate(at), Node::Arr(items)) => {
            let copy = items[last].clone();
            items.insert(at.index(items.len() + 1), copy);
        }
        (Mutation::Rename(rename), Node::Obj(members)) => {
            let old = members[last].0.clone();
            let siblings: Vec<&str> = defined_in(&site.parent)
                .iter()
                .copied()
                .filter(|n| *n != old)
                .collect();
            let mut new = match rename {
                Rename::Sibling(i) if !siblings.is_empty() => {
                    siblings[i.index(siblings.len())].into()
                }
                Rename::Sibling(_) | Rename::Case => flip_case(&old),
                Rename::Other(name) => name.clone(),
            };
            if new == old {
                new.push('_');
            }
            paths.push(join(&site.parent, &new));
            members[last].0 = new;
        }
        (mutation, parent) => {
            let value = child_mut(parent, last);
            *value = match mutation {
                Mutation::Retype(with, k) => {
                    if with.json_type() != value.json_type() {
                        with.clone()
                    } else {
                        let plain = [
                            Node::Null,
                            Node::Bool(true),
                            Node::Num("7".into()),
                            Node::Str("text".into()),
                            Node::Arr(vec![]),
                            Node::Obj(vec![]),
                        ];
                        let t = (value.json_type() + 1 + usize::from(*k) % 5) % 6;
                        plain[t].clone()
                    }
                }
                Mutation::Revalue(k, s) => revalue(value, usize::from(*k), s),
                Mutation::Deepen(k) => {
                    let target = 62 + usize::from(*k) % 5;
                    let levels = target.saturating_sub(site.depth + value.nesting()).max(1);
                    let mut deep = value.clone();
                    for _ in 0..levels {
                        deep = Node::Arr(vec![deep]);
                    }
                    deep
                }
                _ => unreachable!("handled above"),
            };
        }
    }
    paths
}

fn revalue(value: &Node, k: usize, s: &str) -> Node {
    const NUMBERS: &[&str] = &[
        "-0",
        "1.5",
        "1e3",
        "8538.0",
        "9223372036854775807",
        "9223372036854775808",
        "-9223372036854775809",
        "100000000000000000000000000000",
        "1e400",
        "-1",
        "12",
    ];
    match value {
        Node::Str(t) => match k % 4 {
            0 => Node::Str(String::new()),
            1 => Node::Str(flip_case(t)),
            2 => Node::Str(s.to_owned()),
            _ => Node::Str(format!("{t} ")),
        },
        Node::Num(_) => Node::Num(NUMBERS[k % NUMBERS.len()].to_owned()),
        Node::Bool(b) => Node::Bool(!b),
        Node::Null | Node::Raw(_) => Node::Str(s.to_owned()),
        Node::Arr(items) => {
            let mut items = items.clone();
            match k % 3 {
                0 => items.push(Node::Num("1".into())),
                1 => items.clear(),
                _ => items.insert(0, Node::Str(s.to_owned())),
            }
            Node::Arr(items)
        }
        Node::Obj(members) => {
            let mut members = members.clone();
            match k % 2 {
                0 => members.clear(),
                _ => members.push((s.to_owned(), Node::Null)),
            }
            Node::Obj(members)
        }
    }
}

/// A change to the bytes.
#[derive(Clone, Debug)]
enum ByteMutation {
    /// Cut at that byte.
    Truncate(Index),
    /// One bit of that byte flipped.
    Flip(Index, u8),
    /// That byte replaced.
    Set(Index, u8),
    /// Bytes inserted before that byte.
    Insert(Index, Vec<u8>),
    Remove(Index),
}

fn byte_mutation() -> impl Strategy<Value = ByteMutation> {
    let garbage = prop_oneof![
        prop::collection::vec(any::<u8>(), 1..6),
        prop::sample::select(vec![
            "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\\ud800", "\\udc00", "\\u0041",
            "null", "-", "0", "1e", "\u{feff}", "\u{0}", " ", "\n", "é", "\"x\":1,", "[[[",
        ])
        .prop_map(|s| s.as_bytes().to_vec()),
        prop::sample::select(vec![
            &b"\xff"[..],
            b"\xc3",
            b"\xed\xa0\x80",
            b"\xef\xbb\xbf",
            b"\xc0\xaf",
            b"\xf4\x90\x80\x80",
        ])
        .prop_map(<[u8]>::to_vec),
    ];
    prop_oneof![
        any::<Index>().prop_map(ByteMutation::Truncate),
        (any::<Index>(), 0u8..8).prop_map(|(i, bit)| ByteMutation::Flip(i, bit)),
        (any::<Index>(), any::<u8>()).prop_map(|(i, b)| ByteMutation::Set(i, b)),
        (any::<Index>(), garbage).prop_map(|(i, g)| ByteMutation::Insert(i, g)),
        any::<Index>().prop_map(ByteMutation::Remove),
    ]
}

fn apply_bytes(bytes: &mut Vec<u8>, mutation: &ByteMutation) {
    let len = bytes.len();
    match mutation {
        ByteMutation::Truncate(i) => bytes.truncate(i.index(len)),
        ByteMutation::Flip(i, bit) => bytes[i.index(len)] ^= 1 << bit,
        ByteMutation::Set(i, b) => bytes[i.index(len)] = *b,
        ByteMutation::Insert(i, garbage) => {
            let at = i.index(len + 1);
            bytes.splice(at..at, garbage.iter().copied());
        }
        ByteMutation::Remove(i) => {
            bytes.remove(i.index(len));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The properties
// ---------------------------------------------------------------------------------------------

#[test]
fn only_the_device_event_is_registered() {
    // What the independent reading of the contract above assumes of `type`.
    let types: Vec<&str> = registry().types().collect();
    assert_eq!(types, [TYPE]);
}

#[test]
fn the_independent_reading_agrees_with_the_example() {
    let example = ProvisioningRecipeUpdated::EXAMPLE.unwrap();
    match expect(example.as_bytes()) {
        Expected::Json(found) => {
            assert!(
                found.defects.is_empty() && found.definite.is_empty() && found.possible.is_empty()
            )
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(check(example.as_bytes()).unwrap(), Ok(()));
}

/// The mutations are not idle: over a fixed sample, one mutation at a known member reaches
/// acceptance and every kind a single event of this type can have.
#[test]
fn one_mutation_reaches_every_answer() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    use std::collections::BTreeMap;

    let mut runner = TestRunner::deterministic();
    let strategy = (valid_event(), any::<Index>(), mutation());
    let mut answers: BTreeMap<&str, usize> = BTreeMap::new();
    for _ in 0..1000 {
        let (event, at, mutation) = strategy.new_tree(&mut runner).unwrap().current();
        let mut node = event.node(false);
        let sites = sites(&node);
        apply(&mut node, &sites[at.index(sites.len())], &mutation);
        let bytes = Writer::document(event.seed, &node).into_bytes();
        let answer = match check(&bytes) {
            Ok(Ok(())) => "accepted",
            Ok(Err(error)) => error.kind().as_str(),
            Err(failure) => panic!("{failure}"),
        };
        *answers.entry(answer).or_default() += 1;
    }
    if std::env::var_os("SHOW_ANSWERS").is_some() {
        eprintln!("{answers:?}");
    }
    let kinds = events_core::ErrorKind::ALL.map(events_core::ErrorKind::as_str);
    for answer in std::iter::once("accepted").chain(kinds) {
        assert!(
            answers.contains_key(answer),
            "no case was {answer}: {answers:?}"
        );
    }
}

proptest! {
    #![proptest_config(cases(256))]

    /// Decode then encode gives the compact JSON of the same event, exactly; encode then
    /// decode gives the same value; both decoders read it alike.
    #[test]
    fn arbitrary_valid_events_round_trip_exactly(event in valid_event()) {
        let node = event.node(true);
        let input = Writer::document(event.seed.rotate_left(17), &node);
        let expected = canonical(&node);

        let decoded = typed(input.as_bytes()).map_err(|e| {
            TestCaseError::fail(format!("a valid event is rejected: {e}\n  for {}", show(input.as_bytes())))
        })?;
        prop_assert_eq!(&decoded.id, &event.id);
        prop_assert_eq!(&decoded.payload, &event.payload());
        let Node::Obj(envelope) = &node else { unreachable!() };
        let Some((_, Node::Obj(payload))) = envelope.iter().find(|(n, _)| n == "payload") else {
            unreachable!()
        };
        for (kept, members) in [(&decoded.unknown.envelope, envelope), (&decoded.unknown.payload, payload)] {
            let as_written: Vec<(&str, &str)> = members
                .iter()
                .filter_map(|(name, value)| match value {
                    Node::Raw(raw) => Some((name.as_str(), raw.as_str())),
                    _ => None,
                })
                .collect();
            let kept: Vec<(&str, &str)> = kept.iter().collect();
            prop_assert_eq!(kept, as_written, "each unknown value as written");
        }

        // Decode, then encode: the same event, compact, in document order.
        let written = decoded.to_json();
        prop_assert_eq!(&written, &expected, "for {}", show(input.as_bytes()));
        prop_assert_eq!(String::from_utf8(decoded.to_vec()).unwrap(), written.clone());
        let read_back: Value = serde_json::from_str(&written).unwrap();
        prop_assert_eq!(read_back, meaning(&node));

        // The registry reads the same event.
        let any = dynamic(input.as_bytes()).map_err(|e| {
            TestCaseError::fail(format!("the registry rejects a valid event: {e}"))
        })?;
        prop_assert_eq!(any.event_type(), TYPE);
        prop_assert_eq!(any.id(), event.id.as_str());
        prop_assert_eq!(any.unknown(), &decoded.unknown);
        prop_assert_eq!(&any.to_json(), &written);
        prop_assert_eq!(&any.downcast::<ProvisioningRecipeUpdated>().unwrap(), &decoded);

        // Encode, then decode: the same value, by both decoders, and the same bytes again.
        let again = typed(written.as_bytes()).map_err(|e| {
            TestCaseError::fail(format!("an encoded event is rejected: {e}\n  {written}"))
        })?;
        prop_assert_eq!(&again, &decoded);
        prop_assert_eq!(&again.to_json(), &written);
        let again = dynamic(written.as_bytes()).map_err(|e| {
            TestCaseError::fail(format!("the registry rejects an encoded event: {e}"))
        })?;
        prop_assert_eq!(&again.to_json(), &written);

        // And from a value built in code, with nothing unknown.
        let built = Envelope::new(event.id.clone(), event.payload());
        let text = built.to_json();
        prop_assert_eq!(&typed(text.as_bytes()).unwrap(), &built);
        prop_assert_eq!(&dynamic(text.as_bytes()).unwrap().to_json(), &text);
    }

    /// One mutation at a known member: both decoders give one answer, the contract's, and an
    /// error names that member, an ancestor or a descendant of it.
    #[test]
    fn one_mutation_at_a_known_member_is_reported_there(
        event in valid_event(),
        at in any::<Index>(),
        mutation in mutation(),
    ) {
        let mut node = event.node(false);
        let sites = sites(&node);
        let site = &sites[at.index(sites.len())];
        let paths = apply(&mut node, site, &mutation);
        let bytes = Writer::document(event.seed, &node).into_bytes();
        if let Err(error) = check(&bytes)? {
            prop_assert!(
                names_one_of(&error, &paths),
                "{:?} at {:?}: the error {} names another member\n  for {}",
                mutation,
                paths,
                error,
                show(&bytes)
            );
        }
    }

    /// Several mutations, then perhaps a change to the bytes: one answer, the contract's.
    #[test]
    fn mutations_never_panic_and_are_answered_as_the_contract_says(
        event in valid_event(),
        mutations in prop::collection::vec((any::<Index>(), mutation()), 1..5),
        bytes_mutation in prop::option::of(byte_mutation()),
    ) {
        let mut node = event.node(false);
        for (at, mutation) in &mutations {
            let sites = sites(&node);
            if sites.is_empty() {
                break;
            }
            apply(&mut node, &sites[at.index(sites.len())], mutation);
        }
        let mut bytes = Writer::document(event.seed, &node).into_bytes();
        if let Some(mutation) = &bytes_mutation {
            apply_bytes(&mut bytes, mutation);
        }
        let _answer = check(&bytes)?;
    }

    /// Truncated at any byte, a bit flipped, a byte changed or removed, garbage inserted: one
    /// answer, the contract's; where the bytes are no longer JSON, `malformed_json` at the
    /// root or at a member on the way to where they broke.
    #[test]
    fn broken_bytes_never_panic_and_are_answered_as_the_contract_says(
        event in valid_event(),
        mutation in byte_mutation(),
    ) {
        let mut bytes = Writer::document(event.seed, &event.node(false)).into_bytes();
        apply_bytes(&mut bytes, &mutation);
        let _answer = check(&bytes)?;
    }

    /// A truncated event is never accepted, unless only white space was cut.
    #[test]
    fn truncated_events_are_malformed(event in valid_event(), at in any::<Index>()) {
        let text = Writer::document(event.seed, &event.node(false));
        let end = text.trim_end().len();
        let bytes = &text.as_bytes()[..at.index(end)];
        let error = check(bytes)?.expect_err("a truncated event is rejected");
        prop_assert_eq!(error.kind(), ErrorKind::MalformedJson);
    }
}

/// Every input in the fuzz targets' corpora (`fuzz/corpus/*/`, laid out by `fuzz/seed.sh` and
/// grown by `cargo +nightly fuzz run`), read as one event, gets the contract's answer from
/// both decoders. Ignored by default, as the corpora are not committed:
/// `cargo test -p events-tests --test properties -- --ignored`.
#[test]
#[ignore = "needs fuzz/corpus/, which fuzz/seed.sh and cargo fuzz lay out"]
fn the_fuzz_corpora_get_the_contracts_answers() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/corpus");
    let mut failures = Vec::new();
    let mut count = 0;
    for target in ["decode", "validate_stream"] {
        let Ok(entries) = std::fs::read_dir(root.join(target)) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            let bytes = std::fs::read(&path).unwrap();
            count += 1;
            if let Err(failure) = check(&bytes) {
                failures.push(format!("{}: {failure}", path.display()));
            }
        }
    }
    eprintln!("{count} inputs");
    assert!(count > 0, "no corpus under {}", root.display());
    assert!(
        failures.is_empty(),
        "{} of {count}:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
