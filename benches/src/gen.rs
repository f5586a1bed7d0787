//! A deterministic generator of realistic `Device.ProvisioningRecipeUpdated` envelopes.
//!
//! The same seed gives the same bytes on every machine: a small SplitMix64 generator, no
//! dependency. Each event has its own ids and uids; every optional member is present or
//! absent with a probability close to what a fleet of devices would send; `tagUids` holds
//! 0 to 5 tags when present; some strings carry non-ASCII text or escapes. The text is
//! compact JSON, the payload's members in the source document's order.

use serde::Serialize;

use crate::plain::{
    PlainAttemptStatus, PlainEnvelope, PlainOriginator, PlainOwner, PlainPayload, PlainStatus,
};

/// The event type every generated envelope has.
pub const EVENT_TYPE: &str = "Device.ProvisioningRecipeUpdated";

/// Where the envelope's `type` member sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TypeOrder {
    /// `{"id","kind","type","payload"}`: the usual order, the payload decoded in place.
    First,
    /// `{"id","kind","payload","type"}`: the payload must be kept until `type` is known.
    Last,
}

/// SplitMix64: tiny, fast, and good enough for test data.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from its seed.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    /// One element of `items`.
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }

    /// 32 lowercase hex digits, the shape of the documents' uids.
    pub fn uid(&mut self) -> String {
        format!("{:016x}{:016x}", self.next_u64(), self.next_u64())
    }

    /// A UUID-shaped envelope id.
    pub fn uuid(&mut self) -> String {
        let (a, b) = (self.next_u64(), self.next_u64());
        format!(
            "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
            a >> 32,
            (a >> 16) & 0xffff,
            a & 0x0fff,
            0x8000 | ((b >> 48) & 0x3fff),
            b & 0xffff_ffff_ffff
        )
    }
}

const MODELS: &[&str] = &[
    "LaserJet Pro M404dn",
    "ThinkPad X1 Carbon Gen 11",
    "Latitude 7440",
    "OptiPlex 7010 Micro",
    "iPad Air (5th generation)",
    "Galaxy Tab Active4 Pro",
    "EliteBook 840 G10",
    "Surface Pro 9",
    "Zebra TC52",
    "MacBook Pro 14\" (M3)",
];

const BRANDS: &[&str] = &[
    "HP",
    "Lenovo",
    "Dell",
    "Apple",
    "Samsung",
    "Microsoft",
    "Zebra",
    "Brother",
];

const DEVICE_NAMES: &[&str] = &[
    "Reception kiosk",
    "Warehouse scanner 12",
    "Lobby printer",
    "Büro Empfang 3",
    "会議室プリンター",
    "Field tablet \"north\"",
    "Finance laptop",
    "Conference room B",
    "Café POS terminal",
    "Loading dock handheld",
];

const WARNINGS: &[&str] = &[
    "Something went wrong",
    "Device is already registered to another organization",
    "Serial number not found in the manufacturer's records",
    "Registration timed out after 30 s",
];

const ERRORS: &[&str] = &[
    "Something went wrong",
    "Policy could not be applied: certificate expired",
    "The device rejected the enrollment profile",
];

const STATUSES: [PlainStatus; 4] = [
    PlainStatus::Pending,
    PlainStatus::Applied,
    PlainStatus::Failed,
    PlainStatus::Invalid,
];

/// One realistic event.
pub fn event(rng: &mut Rng) -> PlainEnvelope {
    let status = rng.chance(90).then(|| STATUSES[rng.below(4) as usize]);
    let failed = status == Some(PlainStatus::Failed);
    let tag_uids = rng.chance(70).then(|| {
        let n = rng.below(6);
        (0..n).map(|_| rng.uid()).collect()
    });
    let originator = rng.chance(70).then(|| PlainOriginator {
        account_id: rng.chance(90).then(|| 1 + rng.below(99_999) as i64),
        organization_uid: rng.chance(60).then(|| rng.uid()),
        policy_uid: rng.chance(30).then(|| rng.uid()),
    });
    PlainEnvelope {
        id: rng.uuid(),
        kind: "domain".into(),
        event_type: EVENT_TYPE.into(),
        payload: PlainPayload {
            owner: PlainOwner {
                ownership_type: "organization".into(),
                organization_uid: rng.uid(),
                parent_company_uid: rng.uid(),
            },
            organization_uid: rng.chance(80).then(|| rng.uid()),
            status,
            confirmed_ownership: rng.chance(70).then(|| rng.chance(50)),
            serial_number: rng
                .chance(85)
                .then(|| format!("SN-{:06}", rng.below(1_000_000))),
            mac_address: rng.chance(80).then(|| {
                let m = rng.next_u64();
                (0..6)
                    .map(|i| format!("{:02X}", (m >> (8 * i)) & 0xff))
                    .collect::<Vec<_>>()
                    .join(":")
            }),
            model: rng.chance(75).then(|| rng.pick(MODELS).to_owned()),
            brand: rng.chance(75).then(|| rng.pick(BRANDS).to_owned()),
            tag_uids,
            device_name: rng.chance(60).then(|| rng.pick(DEVICE_NAMES).to_owned()),
            policy_uid: rng.chance(50).then(|| rng.uid()),
            location_uid: rng.chance(50).then(|| rng.uid()),
            unsuccessful_register_attempt_status: rng.chance(15).then(|| PlainAttemptStatus {
                warning_message: rng.pick(WARNINGS).to_owned(),
            }),
            error_message: rng
                .chance(if failed { 80 } else { 5 })
                .then(|| rng.pick(ERRORS).to_owned()),
            event_type: EVENT_TYPE.into(),
            originator,
            uid: rng.uid(),
        },
    }
}

/// The envelope with `type` after `payload`.
#[derive(Serialize)]
struct TypeLast<'a> {
    id: &'a str,
    kind: &'a str,
    payload: &'a PlainPayload,
    #[serde(rename = "type")]
    event_type: &'a str,
}

/// The compact JSON text of `event`, its envelope's `type` where `order` says.
pub fn to_line(event: &PlainEnvelope, order: TypeOrder) -> String {
    // Our own plain types always serialize.
    match order {
        TypeOrder::First => serde_json::to_string(event).expect("serializes"),
        TypeOrder::Last => serde_json::to_string(&TypeLast {
            id: &event.id,
            kind: &event.kind,
            payload: &event.payload,
            event_type: &event.event_type,
        })
        .expect("serializes"),
    }
}

/// `n` events from `seed`, each as one line of compact JSON (no newline).
pub fn corpus(seed: u64, n: usize, order: TypeOrder) -> Vec<String> {
    let mut rng = Rng::new(seed);
    (0..n).map(|_| to_line(&event(&mut rng), order)).collect()
}

/// A line that every reader rejects, plain serde included: `k` picks the defect.
pub fn broken_line(event: &PlainEnvelope, k: u64) -> String {
    let line = to_line(event, TypeOrder::First);
    match k % 2 {
        // Cut short: not JSON.
        0 => line[..line.len() / 2].to_owned(),
        // A status outside the union.
        _ => {
            let mut event = event.clone();
            event.payload.status = Some(PlainStatus::Pending);
            to_line(&event, TypeOrder::First).replace("\"Pending\"", "\"pending\"")
        }
    }
}
