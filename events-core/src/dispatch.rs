//! Routing an envelope to the handler registered for its type.
//!
//! [`Dispatcher`] calls plain functions; [`AsyncDispatcher`] awaits futures. The async one
//! only builds and awaits boxed futures, so it works under any executor (tokio, async-std,
//! smol, a hand-rolled `block_on`) and ties `events-core` to none.
//!
//! Both give the same guarantees, in this order, for every envelope:
//!
//! 1. The envelope is checked against the contract before any handler sees it; a broken one
//!    is [`DispatchError::Rejected`].
//! 2. On a dispatcher [scoped](Dispatcher::scoped_to) to owners, an event owned by anyone
//!    else reaches no handler, the fallback included: it is [`DispatchError::OutOfScope`],
//!    naming the owner it carried. Ownership is the payload's `owner` envelope, never its
//!    `originator`.
//! 3. A handler that panics is that event's failure, [`DispatchError::HandlerPanicked`]; the
//!    dispatcher is unharmed and handles the next event. The panic is caught with
//!    [`std::panic::catch_unwind`], so the process's panic hook still runs first and, by
//!    default, prints the panic message on standard error (that is std's behaviour; install
//!    a hook with [`std::panic::set_hook`] to change it). A binary built with
//!    `panic = "abort"` cannot contain a panic at all.

use std::any::Any;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::future::Future;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::pin::Pin;
use std::sync::{Arc, OnceLock};
use std::task::{Context, Poll};

use crate::envelope::Envelope;
use crate::error::{Error, ErrorKind};
use crate::owner::{COMPANY_MEMBERS, ORGANIZATION_MEMBERS};
use crate::read;
use crate::registry::{AnyEnvelope, ByType, Registry, RegistryError};
use crate::DomainEvent;

/// The error a handler may return: any error type, boxed.
pub type BoxError = Box<dyn std::error::Error + Send + Sync + 'static>;

/// What a handler returns: `()` or `Result<(), E>` for any error `E` that converts to
/// [`BoxError`].
///
/// ```
/// use events_core::dispatch::HandlerOutcome;
///
/// assert!(().into_result().is_ok());
/// assert!(Err::<(), _>("no such device").into_result().is_err());
/// ```
pub trait HandlerOutcome {
    /// The outcome as a result.
    fn into_result(self) -> Result<(), BoxError>;
}

impl HandlerOutcome for () {
    fn into_result(self) -> Result<(), BoxError> {
        Ok(())
    }
}

impl<E: Into<BoxError>> HandlerOutcome for Result<(), E> {
    fn into_result(self) -> Result<(), BoxError> {
        self.map_err(Into::into)
    }
}

/// Why an envelope was not handled.
#[derive(Debug, thiserror::Error)]
pub enum DispatchError {
    /// The event breaks the contract: the contract's one error.
    #[error("event rejected: {0}")]
    Rejected(#[from] Error),
    /// The event is valid, but no handler is registered for its type and there is no fallback.
    #[error("no handler for event type \"{event_type}\" (event id {id:?})")]
    Unhandled {
        /// The event's type.
        event_type: &'static str,
        /// The envelope's id.
        id: String,
    },
    /// The handler returned an error.
    #[error("the handler for \"{event_type}\" failed on event id {id:?}: {source}")]
    Handler {
        /// The event's type.
        event_type: &'static str,
        /// The envelope's id.
        id: String,
        /// What the handler returned.
        #[source]
        source: BoxError,
    },
    /// The handler panicked (an async handler: while it was called, or while its future was
    /// polled). The panic was caught; the dispatcher goes on with the next event.
    ///
    /// The panic hook ran before the panic was caught, so the message has usually been
    /// printed on standard error already: that is std's behaviour.
    ///
    /// ```
    /// use events_core::{domain_event, owner::Organization, DispatchError, Dispatcher, Envelope};
    ///
    /// /// A widget was renamed.
    /// #[domain_event(type = "Widget.Renamed")]
    /// pub struct WidgetRenamed {}
    ///
    /// let dispatcher = Dispatcher::new().on(|event: Envelope<WidgetRenamed>| {
    ///     if event.payload.uid == "w-bad" {
    ///         panic!("cannot rename {}", event.payload.uid);
    ///     }
    /// });
    /// let widget = |uid: &str| Envelope::new("1", WidgetRenamed { owner: Organization::new("o", "c"), originator: None, uid: uid.into() }).to_vec();
    ///
    /// let err = dispatcher.dispatch(&widget("w-bad")).unwrap_err();
    /// assert!(matches!(err, DispatchError::HandlerPanicked { ref message, .. } if message == "cannot rename w-bad"));
    /// assert!(dispatcher.dispatch(&widget("w-good")).is_ok());
    /// ```
    #[error("the handler for \"{event_type}\" panicked on event id {id:?}: {message}")]
    HandlerPanicked {
        /// The event's type.
        event_type: &'static str,
        /// The envelope's id.
        id: String,
        /// The panic's message: its payload where that is a `&str` or a `String`, else
        /// [`NON_STRING_PANIC`].
        message: String,
    },
    /// The event is valid, but its owner is outside the dispatcher's
    /// [scope](Dispatcher::scoped_to): no handler saw it, the fallback included.
    ///
    /// ```
    /// use events_core::{domain_event, owner::Organization, DispatchError, Dispatcher, Envelope, Scope};
    ///
    /// /// A widget was renamed.
    /// #[domain_event(type = "Widget.Renamed")]
    /// pub struct WidgetRenamed {}
    ///
    /// let dispatcher = Dispatcher::new()
    ///     .scoped_to(Scope::organization("org-1"))
    ///     .on(|_: Envelope<WidgetRenamed>| -> () { unreachable!() });
    /// let json = Envelope::new("7", WidgetRenamed { owner: Organization::new("org-2", "co-1"), originator: None, uid: "w".into() }).to_json();
    ///
    /// let err = dispatcher.dispatch(json.as_bytes()).unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     r#"event "Widget.Renamed" (id "7") is outside this dispatcher's scope: its owner is organization {organizationUid: "org-2", parentCompanyUid: "co-1"}"#
    /// );
    /// assert_eq!(err.out_of_scope_owner().unwrap()[0], ("organizationUid", "org-2".to_owned()));
    /// ```
    #[error(
        "event \"{event_type}\" (id {id:?}) is outside this dispatcher's scope: its owner is {}",
        OwnerText(ownership_type, owner)
    )]
    OutOfScope {
        /// The event's type.
        event_type: &'static str,
        /// The envelope's id.
        id: String,
        /// The owner's `ownershipType`.
        ownership_type: &'static str,
        /// The owner's uids as the event carried them, `(member name, value)`, as
        /// [`AnyEnvelope::owner_uids`] gives them.
        owner: Vec<(&'static str, String)>,
    },
    /// The registry is unusable: a type string is registered twice.
    #[error(transparent)]
    Registry(#[from] RegistryError),
}

/// [`DispatchError::HandlerPanicked`]'s message for a panic whose payload is neither a `&str`
/// nor a `String` (as with [`std::panic::panic_any`]).
pub const NON_STRING_PANIC: &str = "the handler panicked with a payload that is not a string";

impl DispatchError {
    /// The contract's error, where the event itself was rejected.
    pub fn rejection(&self) -> Option<&Error> {
        match self {
            DispatchError::Rejected(e) => Some(e),
            _ => None,
        }
    }

    /// The owner the event carried, where it was [out of scope](DispatchError::OutOfScope).
    pub fn out_of_scope_owner(&self) -> Option<&[(&'static str, String)]> {
        match self {
            DispatchError::OutOfScope { owner, .. } => Some(owner),
            _ => None,
        }
    }
}

/// Writes an owner as `organization {organizationUid: "o", parentCompanyUid: "c"}`, its values
/// quoted and escaped: they come from the producer.
struct OwnerText<'a>(&'a str, &'a [(&'static str, String)]);

impl fmt::Display for OwnerText<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {{", self.0)?;
        for (i, (member, value)) in self.1.iter().enumerate() {
            let sep = if i == 0 { "" } else { ", " };
            write!(f, "{sep}{member}: {value:?}")?;
        }
        f.write_str("}")
    }
}

/// One owner a dispatcher admits: a uid that a given member of the payload's `owner` must
/// carry. Add one or several with [`Dispatcher::scoped_to`] (or
/// [`AsyncDispatcher::scoped_to`]); an event passes if its owner matches any of them.
///
/// A scope matches one member exactly, and nothing wider: [`Scope::company`] admits the
/// events a company owns itself, not those of its organizations; scope a dispatcher with both
/// [`Scope::company`] and [`Scope::parent_company`] to admit both. Only the `owner` envelope
/// counts, never the `originator`.
///
/// ```
/// use events_core::Scope;
///
/// let scope = Scope::parent_company("co-1");
/// assert_eq!((scope.member(), scope.uid()), ("parentCompanyUid", "co-1"));
/// assert!(scope.admits(&[("organizationUid", "org-9"), ("parentCompanyUid", "co-1")]));
/// assert!(!Scope::company("co-1").admits(&[("organizationUid", "org-9"), ("parentCompanyUid", "co-1")]));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Scope {
    member: &'static str,
    uid: String,
}

impl Scope {
    /// Events owned by the organization `uid` (`owner.organizationUid`).
    ///
    /// ```
    /// use events_core::Scope;
    ///
    /// assert_eq!(Scope::organization("org-1").member(), "organizationUid");
    /// ```
    pub fn organization(uid: impl Into<String>) -> Scope {
        Scope {
            member: ORGANIZATION_MEMBERS[0],
            uid: uid.into(),
        }
    }

    /// Events owned by any organization whose parent company is `uid`
    /// (`owner.parentCompanyUid`).
    ///
    /// ```
    /// use events_core::Scope;
    ///
    /// assert_eq!(Scope::parent_company("co-1").member(), "parentCompanyUid");
    /// ```
    pub fn parent_company(uid: impl Into<String>) -> Scope {
        Scope {
            member: ORGANIZATION_MEMBERS[1],
            uid: uid.into(),
        }
    }

    /// Events owned by the company `uid` itself, those declared with `owner = "company"`
    /// (`owner.companyUid`).
    ///
    /// ```
    /// use events_core::Scope;
    ///
    /// assert_eq!(Scope::company("co-1").member(), "companyUid");
    /// ```
    pub fn company(uid: impl Into<String>) -> Scope {
        Scope {
            member: COMPANY_MEMBERS[0],
            uid: uid.into(),
        }
    }

    /// The owner member this scope matches, such as `organizationUid`.
    pub fn member(&self) -> &'static str {
        self.member
    }

    /// The uid that member must carry.
    pub fn uid(&self) -> &str {
        &self.uid
    }

    /// Whether an owner, given as [`AnyEnvelope::owner_uids`] gives it, is within this scope.
    pub fn admits(&self, owner: &[(&'static str, &str)]) -> bool {
        owner
            .iter()
            .any(|(member, uid)| *member == self.member && *uid == self.uid)
    }
}

type SyncHandler = Box<dyn Fn(AnyEnvelope) -> Result<(), BoxError> + Send + Sync>;
type BoxFuture = Pin<Box<dyn Future<Output = Result<(), BoxError>> + Send + 'static>>;
type AsyncHandler = Box<dyn Fn(AnyEnvelope) -> BoxFuture + Send + Sync>;

/// The routing both dispatchers share: handlers by type string, a fallback, and the owners
/// admitted.
struct Routes<H> {
    handlers: HashMap<&'static str, H, ByType>,
    fallback: Option<H>,
    /// The admitted uids, by owner member. Empty: every owner is admitted.
    scope: HashMap<&'static str, HashSet<String>>,
}

impl<H> Routes<H> {
    fn new() -> Self {
        Routes {
            handlers: HashMap::default(),
            fallback: None,
            scope: HashMap::new(),
        }
    }

    fn add_scope(&mut self, scope: Scope) {
        self.scope
            .entry(scope.member)
            .or_default()
            .insert(scope.uid);
    }

    /// The typed route for `bytes`, and the bytes as text, in the usual case: an unscoped
    /// dispatcher, a usable registry, and an envelope whose first `type` member names a type
    /// with a typed handler. That route decodes the envelope straight into the type, as
    /// `Envelope::<E>` would, with no boxed payload and no downcast. Decoding as the one
    /// type the envelope names gives the verdict, kind and path that decoding by type string
    /// does (the contract tests hold both to that); the route gives `None` for an envelope
    /// that names another type, which then takes the route by type string.
    fn typed_route<'a, T>(
        &self,
        typed: &'a HashMap<&'static str, T, ByType>,
        bytes: &'a [u8],
    ) -> Option<(&'a T, &'a str)> {
        if !self.scope.is_empty() || Registry::global().is_err() {
            return None;
        }
        let json = std::str::from_utf8(bytes).ok()?;
        Some((typed.get(read::first_type_member(json)?)?, json))
    }

    /// Decodes `bytes` by type string and picks who handles the event.
    fn route(&self, bytes: &[u8]) -> Result<(&H, AnyEnvelope), DispatchError> {
        let event = Registry::global()?.decode(bytes)?;
        // An unscoped dispatcher does no work per event here.
        if !self.scope.is_empty() {
            self.admit(&event)?;
        }
        match self
            .handlers
            .get(event.event_type())
            .or(self.fallback.as_ref())
        {
            Some(handler) => Ok((handler, event)),
            None => Err(DispatchError::Unhandled {
                event_type: event.event_type(),
                id: event.id().to_owned(),
            }),
        }
    }

    /// Whether the event's owner is one the scope admits; if not, the error naming it.
    fn admit(&self, event: &AnyEnvelope) -> Result<(), DispatchError> {
        let owner = event.owner_uids();
        let admitted = owner.iter().any(|(member, uid)| {
            self.scope
                .get(member)
                .is_some_and(|uids| uids.contains(*uid))
        });
        if admitted {
            return Ok(());
        }
        Err(DispatchError::OutOfScope {
            event_type: event.event_type(),
            id: event.id().to_owned(),
            ownership_type: event.ownership_type(),
            owner: owner
                .into_iter()
                .map(|(member, uid)| (member, uid.to_owned()))
                .collect(),
        })
    }
}

impl<H> fmt::Debug for Routes<H> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut types: Vec<_> = self.handlers.keys().collect();
        types.sort();
        let mut scope: Vec<_> = self
            .scope
            .iter()
            .flat_map(|(member, uids)| uids.iter().map(move |uid| format!("{member}={uid}")))
            .collect();
        scope.sort();
        f.debug_struct("Dispatcher")
            .field("handlers", &types)
            .field("fallback", &self.fallback.is_some())
            .field("scope", &scope)
            .finish()
    }
}

/// The event a handler runs on, kept to name it in the handler's error or panic.
struct Running {
    event_type: &'static str,
    id: IdCopy,
}

impl Running {
    fn of(event: &AnyEnvelope) -> Running {
        Running::new(event.event_type(), event.id())
    }

    fn new(event_type: &'static str, id: &str) -> Running {
        Running {
            event_type,
            id: IdCopy::of(id),
        }
    }

    /// What the handler's run came to: its result, or the panic that ended it.
    fn settle(self, run: std::thread::Result<Result<(), BoxError>>) -> Result<(), DispatchError> {
        match run {
            Ok(Ok(())) => Ok(()),
            Ok(Err(source)) => Err(DispatchError::Handler {
                event_type: self.event_type,
                id: self.id.into_string(),
                source,
            }),
            Err(payload) => Err(DispatchError::HandlerPanicked {
                event_type: self.event_type,
                id: self.id.into_string(),
                message: panic_message(payload),
            }),
        }
    }
}

/// The typed route's decoding: `json` decoded as an `E`, or its rejection. `None` where the
/// route by type string must decide instead: when the envelope names another type (maybe
/// registered, maybe not), or when the global registry does not decode `E::TYPE` as `E`, as
/// the route by type string does. The latter is asked once per handler, in `known`; the
/// registry does not change once built.
fn decode_as<E: DomainEvent>(
    known: &OnceLock<bool>,
    json: &str,
) -> Option<Result<Envelope<E>, DispatchError>> {
    let registered = *known.get_or_init(|| {
        Registry::global()
            .ok()
            .and_then(|registry| registry.get(E::TYPE))
            .is_some_and(|descriptor| descriptor.rust_type() == E::RUST_TYPE)
    });
    if !registered {
        return None;
    }
    match Envelope::<E>::from_json(json) {
        Err(rejected) if rejected.kind() == ErrorKind::UnknownType => None,
        decoded => Some(decoded.map_err(DispatchError::Rejected)),
    }
}

/// A copy of an event's id, kept to name the event if its handler fails, since the handler
/// takes the event. Almost every id is short enough to copy onto the stack: an allocation
/// for it on every dispatch cost more than the handler lookup.
enum IdCopy {
    Inline {
        len: u8,
        bytes: [u8; IdCopy::INLINE],
    },
    Heap(String),
}

impl IdCopy {
    const INLINE: usize = 64;

    fn of(id: &str) -> IdCopy {
        match u8::try_from(id.len()) {
            Ok(len) if id.len() <= IdCopy::INLINE => {
                let mut bytes = [0; IdCopy::INLINE];
                bytes[..id.len()].copy_from_slice(id.as_bytes());
                IdCopy::Inline { len, bytes }
            }
            _ => IdCopy::Heap(id.to_owned()),
        }
    }

    fn into_string(self) -> String {
        match self {
            // The bytes of a `str`, so always UTF-8.
            IdCopy::Inline { len, bytes } => {
                String::from_utf8_lossy(&bytes[..usize::from(len)]).into_owned()
            }
            IdCopy::Heap(id) => id,
        }
    }
}

/// The message of a caught panic; its payload is dropped without letting a panic out.
fn panic_message(payload: Box<dyn Any + Send>) -> String {
    let message = if let Some(text) = payload.downcast_ref::<&'static str>() {
        (*text).to_owned()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        NON_STRING_PANIC.to_owned()
    };
    // A payload of the handler's own type may panic as it is dropped; that second payload is
    // leaked rather than dropped, so that nothing escapes.
    if let Err(again) = catch_unwind(AssertUnwindSafe(move || drop(payload))) {
        std::mem::forget(again);
    }
    message
}

/// Polls a future, catching a panic raised while it is polled as `Err(payload)`.
struct CatchUnwind<F> {
    future: F,
}

impl<F: Future + Unpin> Future for CatchUnwind<F> {
    type Output = std::thread::Result<F::Output>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let future = &mut self.future;
        // The future is never polled again after it panicked: this one is then ready.
        match catch_unwind(AssertUnwindSafe(|| Pin::new(future).poll(cx))) {
            Ok(Poll::Pending) => Poll::Pending,
            Ok(Poll::Ready(output)) => Poll::Ready(Ok(output)),
            Err(payload) => Poll::Ready(Err(payload)),
        }
    }
}

/// Routes envelopes to typed handlers, by the envelope's type string.
///
/// Every envelope is checked against the contract before any handler sees it. A second
/// handler for the same event type replaces the first. A handler that panics is reported as
/// [`DispatchError::HandlerPanicked`] and the dispatcher goes on; the panic hook still prints
/// the panic's message, as std does for every panic. See the [module](self) for every
/// guarantee.
///
/// ```
/// use std::sync::atomic::{AtomicUsize, Ordering};
/// use std::sync::{Arc, OnceLock};
/// use events_core::{domain_event, dispatch::{DispatchError, Dispatcher}, owner::Organization, Envelope};
///
/// /// A widget was renamed.
/// #[domain_event(type = "Widget.Renamed")]
/// pub struct WidgetRenamed {}
///
/// let seen = Arc::new(AtomicUsize::new(0));
/// let counter = seen.clone();
/// let dispatcher = Dispatcher::new().on(move |event: Envelope<WidgetRenamed>| {
///     assert_eq!(event.payload.uid, "w-1");
///     counter.fetch_add(1, Ordering::Relaxed);
/// });
///
/// let json = Envelope::new("1", WidgetRenamed { owner: Organization::new("o", "c"), originator: None, uid: "w-1".into() }).to_json();
/// dispatcher.dispatch(json.as_bytes())?;
/// assert_eq!(seen.load(Ordering::Relaxed), 1);
///
/// let err = dispatcher.dispatch(b"{}").unwrap_err();
/// assert!(err.rejection().is_some());
/// # Ok::<(), DispatchError>(())
/// ```
pub struct Dispatcher {
    routes: Routes<SyncHandler>,
    /// For each typed handler, by type string: the same handler behind a typed decoder.
    typed: HashMap<&'static str, TypedRoute, ByType>,
}

/// Decodes an envelope as one event type and calls its handler; `None` if the envelope
/// names another type, which then takes the route by type string.
type TypedRoute = Box<dyn Fn(&str) -> Option<Result<(), DispatchError>> + Send + Sync>;

impl Dispatcher {
    /// A dispatcher with no handlers.
    pub fn new() -> Self {
        Dispatcher {
            routes: Routes::new(),
            typed: HashMap::default(),
        }
    }

    /// Calls `handler` for every event of type `E`.
    pub fn on<E, R>(mut self, handler: impl Fn(Envelope<E>) -> R + Send + Sync + 'static) -> Self
    where
        E: DomainEvent,
        R: HandlerOutcome,
    {
        let handler = Arc::new(handler);
        let by_type = Arc::clone(&handler);
        let routed: SyncHandler = Box::new(move |event: AnyEnvelope| match event.downcast::<E>() {
            Ok(typed) => by_type(typed).into_result(),
            Err(other) => Err(wrong_route::<E>(&other)),
        });
        let registered = OnceLock::new();
        let typed: TypedRoute =
            Box::new(move |json: &str| match decode_as::<E>(&registered, json)? {
                Ok(event) => {
                    let running = Running::new(E::TYPE, &event.id);
                    let run = catch_unwind(AssertUnwindSafe(|| handler(event).into_result()));
                    Some(running.settle(run))
                }
                Err(rejected) => Some(Err(rejected)),
            });
        self.routes.handlers.insert(E::TYPE, routed);
        self.typed.insert(E::TYPE, typed);
        self
    }

    /// Calls `handler` for every valid event whose type has no handler of its own. Without
    /// one, such an event is [`DispatchError::Unhandled`].
    pub fn fallback<R: HandlerOutcome>(
        mut self,
        handler: impl Fn(AnyEnvelope) -> R + Send + Sync + 'static,
    ) -> Self {
        self.routes.fallback = Some(Box::new(move |event| handler(event).into_result()));
        self
    }

    /// Admits the owner `scope` names, besides those already admitted. A dispatcher with no
    /// scope admits every owner; once scoped, an event owned by anyone else reaches no handler
    /// (nor the fallback) and is [`DispatchError::OutOfScope`].
    ///
    /// Ownership is the payload's `owner` envelope alone: an `originator` that names an
    /// admitted organization does not admit an event owned by another.
    ///
    /// ```
    /// use events_core::{domain_event, owner::Organization, DispatchError, Dispatcher, Envelope, Scope};
    ///
    /// /// A widget was renamed.
    /// #[domain_event(type = "Widget.Renamed")]
    /// pub struct WidgetRenamed {}
    ///
    /// let dispatcher = Dispatcher::new()
    ///     .scoped_to(Scope::organization("org-1"))
    ///     .scoped_to(Scope::parent_company("co-2"))
    ///     .on(|_: Envelope<WidgetRenamed>| {});
    /// let owned_by = |org: &str, company: &str| {
    ///     Envelope::new("1", WidgetRenamed { owner: Organization::new(org, company), originator: None, uid: "w".into() }).to_vec()
    /// };
    ///
    /// assert!(dispatcher.dispatch(&owned_by("org-1", "co-1")).is_ok());
    /// assert!(dispatcher.dispatch(&owned_by("org-7", "co-2")).is_ok());
    /// let err = dispatcher.dispatch(&owned_by("org-7", "co-1")).unwrap_err();
    /// assert!(matches!(err, DispatchError::OutOfScope { .. }));
    /// ```
    pub fn scoped_to(mut self, scope: Scope) -> Self {
        self.routes.add_scope(scope);
        self
    }

    /// Whether a handler of its own is registered for `event_type`.
    pub fn handles(&self, event_type: &str) -> bool {
        self.routes.handlers.contains_key(event_type)
    }

    /// Decodes one envelope, checks it, and calls the handler for its type.
    ///
    /// A panic in the handler is caught and returned as [`DispatchError::HandlerPanicked`].
    pub fn dispatch(&self, bytes: &[u8]) -> Result<(), DispatchError> {
        match self.dispatch_typed(bytes) {
            Some(done) => done,
            None => self.dispatch_by_type_string(bytes),
        }
    }

    /// Dispatches on the typed route (see `Routes::typed_route`), if it applies.
    fn dispatch_typed(&self, bytes: &[u8]) -> Option<Result<(), DispatchError>> {
        let (typed, json) = self.routes.typed_route(&self.typed, bytes)?;
        typed(json)
    }

    /// Decodes the envelope by its type string, then calls the handler for that type.
    fn dispatch_by_type_string(&self, bytes: &[u8]) -> Result<(), DispatchError> {
        let (handler, event) = self.routes.route(bytes)?;
        let running = Running::of(&event);
        // The handler's own state is the only thing a panic can leave half-updated; the
        // dispatcher holds none that a handler can reach.
        running.settle(catch_unwind(AssertUnwindSafe(|| handler(event))))
    }
}

impl Default for Dispatcher {
    fn default() -> Self {
        Dispatcher::new()
    }
}

impl fmt::Debug for Dispatcher {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.routes.fmt(f)
    }
}

/// Routes envelopes to async handlers, by the envelope's type string.
///
/// The same rules as [`Dispatcher`]; handlers return futures, and
/// [`dispatch`](AsyncDispatcher::dispatch) is a future to await on any executor. A handler
/// that panics, when it is called or while its future is polled, is reported as
/// [`DispatchError::HandlerPanicked`]; the panic never reaches the executor.
///
/// ```
/// use events_core::{domain_event, dispatch::{AsyncDispatcher, DispatchError}, owner::Organization, Envelope};
///
/// /// A widget was renamed.
/// #[domain_event(type = "Widget.Renamed")]
/// pub struct WidgetRenamed {}
///
/// let dispatcher = AsyncDispatcher::new().on(|event: Envelope<WidgetRenamed>| async move {
///     if event.payload.uid.is_empty() {
///         return Err("no uid");
///     }
///     Ok(())
/// });
/// let json = Envelope::new("1", WidgetRenamed { owner: Organization::new("o", "c"), originator: None, uid: "w-1".into() }).to_json();
/// let handled = dispatcher.dispatch(json.as_bytes());
/// # // Any executor runs it; this one polls until ready, which the handler above needs once.
/// # let waker = std::task::Waker::noop();
/// # let mut cx = std::task::Context::from_waker(&waker);
/// # let mut handled = std::pin::pin!(handled);
/// # let std::task::Poll::Ready(result) = std::future::Future::poll(handled.as_mut(), &mut cx) else { panic!() };
/// # result?;
/// # Ok::<(), DispatchError>(())
/// ```
pub struct AsyncDispatcher {
    routes: Routes<AsyncHandler>,
    /// For each typed handler, by type string: the same handler behind a typed decoder.
    typed: HashMap<&'static str, AsyncTypedRoute, ByType>,
}

/// Decodes an envelope as one event type and calls its handler; `None` if the envelope
/// names another type, which then takes the route by type string.
type AsyncTypedRoute = Box<dyn Fn(&str) -> Option<Result<Started, DispatchError>> + Send + Sync>;

/// A handler called: its future, or the panic it raised when called; and the event it has.
type Started = (std::thread::Result<BoxFuture>, Running);

impl AsyncDispatcher {
    /// A dispatcher with no handlers.
    pub fn new() -> Self {
        AsyncDispatcher {
            routes: Routes::new(),
            typed: HashMap::default(),
        }
    }

    /// Awaits `handler` for every event of type `E`.
    pub fn on<E, F, R>(mut self, handler: impl Fn(Envelope<E>) -> F + Send + Sync + 'static) -> Self
    where
        E: DomainEvent,
        F: Future<Output = R> + Send + 'static,
        R: HandlerOutcome,
    {
        let handler = Arc::new(handler);
        let by_type = Arc::clone(&handler);
        let routed: AsyncHandler =
            Box::new(move |event: AnyEnvelope| match event.downcast::<E>() {
                Ok(typed) => {
                    let future = by_type(typed);
                    Box::pin(async move { future.await.into_result() })
                }
                Err(other) => {
                    let error = wrong_route::<E>(&other);
                    Box::pin(async move { Err(error) })
                }
            });
        let registered = OnceLock::new();
        let typed: AsyncTypedRoute =
            Box::new(move |json: &str| match decode_as::<E>(&registered, json)? {
                Ok(event) => {
                    let running = Running::new(E::TYPE, &event.id);
                    let started = catch_unwind(AssertUnwindSafe(|| {
                        let future = handler(event);
                        Box::pin(async move { future.await.into_result() }) as BoxFuture
                    }));
                    Some(Ok((started, running)))
                }
                Err(rejected) => Some(Err(rejected)),
            });
        self.routes.handlers.insert(E::TYPE, routed);
        self.typed.insert(E::TYPE, typed);
        self
    }

    /// Awaits `handler` for every valid event whose type has no handler of its own.
    pub fn fallback<F, R>(
        mut self,
        handler: impl Fn(AnyEnvelope) -> F + Send + Sync + 'static,
    ) -> Self
    where
        F: Future<Output = R> + Send + 'static,
        R: HandlerOutcome,
    {
        self.routes.fallback = Some(Box::new(move |event| {
            let future = handler(event);
            Box::pin(async move { future.await.into_result() })
        }));
        self
    }

    /// Admits the owner `scope` names, besides those already admitted; the same rules as
    /// [`Dispatcher::scoped_to`].
    ///
    /// ```
    /// use events_core::{AsyncDispatcher, Envelope, Scope};
    /// # use events_core::domain_event;
    /// # /// A plan was changed.
    /// # #[domain_event(type = "Widget.PlanChanged", owner = "company")]
    /// # pub struct PlanChanged {}
    ///
    /// let dispatcher = AsyncDispatcher::new()
    ///     .scoped_to(Scope::company("co-1"))
    ///     .on(|_: Envelope<PlanChanged>| async {});
    /// assert!(format!("{dispatcher:?}").contains("companyUid=co-1"));
    /// ```
    pub fn scoped_to(mut self, scope: Scope) -> Self {
        self.routes.add_scope(scope);
        self
    }

    /// Whether a handler of its own is registered for `event_type`.
    pub fn handles(&self, event_type: &str) -> bool {
        self.routes.handlers.contains_key(event_type)
    }

    /// Decodes one envelope, checks it, and awaits the handler for its type.
    ///
    /// The bytes are decoded, and the handler called, before the returned future is first
    /// polled, so the future borrows nothing from them. A panic in the handler, as it is
    /// called or as its future is polled, is returned as [`DispatchError::HandlerPanicked`].
    pub fn dispatch(
        &self,
        bytes: &[u8],
    ) -> impl Future<Output = Result<(), DispatchError>> + Send + 'static {
        let started = self
            .routes
            .typed_route(&self.typed, bytes)
            .and_then(|(typed, json)| typed(json))
            .unwrap_or_else(|| self.start_by_type_string(bytes))
            .map(|(future, running)| (future.map(|future| CatchUnwind { future }), running));
        async move {
            let (future, running) = started?;
            let run = match future {
                Ok(future) => future.await,
                Err(payload) => Err(payload),
            };
            running.settle(run)
        }
    }
}

impl AsyncDispatcher {
    /// Decodes the envelope by its type string, then calls the handler for that type.
    fn start_by_type_string(&self, bytes: &[u8]) -> Result<Started, DispatchError> {
        let (handler, event) = self.routes.route(bytes)?;
        let running = Running::of(&event);
        Ok((catch_unwind(AssertUnwindSafe(|| handler(event))), running))
    }
}

impl Default for AsyncDispatcher {
    fn default() -> Self {
        AsyncDispatcher::new()
    }
}

impl fmt::Debug for AsyncDispatcher {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.routes.fmt(f)
    }
}

/// A handler registered under `E::TYPE` got another type: only possible if two Rust types
/// share a type string, which the registry refuses; reported, never a panic.
fn wrong_route<E: DomainEvent>(other: &AnyEnvelope) -> BoxError {
    format!(
        "the handler for {} was given an event of Rust type {}",
        E::RUST_TYPE,
        other.descriptor().rust_type()
    )
    .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An event with a typed handler.
    #[crate::domain_event(type = "DispatchTest.Handled")]
    #[derive(Debug)]
    pub struct Handled {
        /// Something to get wrong.
        pub count: i64,
    }

    /// An event with no handler of its own.
    #[crate::domain_event(type = "DispatchTest.Other")]
    #[derive(Debug)]
    pub struct Other {}

    /// The output of a future that is ready when first polled, as the handlers here are.
    fn ready<T>(future: impl Future<Output = T>) -> T {
        let mut future = std::pin::pin!(future);
        let mut context = Context::from_waker(std::task::Waker::noop());
        match future.as_mut().poll(&mut context) {
            Poll::Ready(output) => output,
            Poll::Pending => panic!("the handlers here never wait"),
        }
    }

    fn envelope(event_type: &str, payload_type: &str, uid: &str, count: &str) -> String {
        format!(
            r#"{{"id":"e-1","kind":"domain","type":"{event_type}","payload":{{"owner":{{"ownershipType":"organization","organizationUid":"o","parentCompanyUid":"c"}},"type":"{payload_type}","uid":"{uid}","count":{count}}}}}"#
        )
    }

    /// Every way through: the typed route, when it applies, ends where the route by type
    /// string ends, for both dispatchers.
    #[test]
    fn the_typed_route_ends_where_the_route_by_type_string_ends() {
        let dispatcher = Dispatcher::new()
            .on(
                |event: Envelope<Handled>| match event.payload.uid.as_str() {
                    "fails" => Err("it failed"),
                    "panics" => panic!("it panicked"),
                    _ => Ok(()),
                },
            )
            .fallback(|_| ());
        let handled = "DispatchTest.Handled";
        let other = "DispatchTest.Other";
        let valid = envelope(handled, handled, "u", "1");
        let mut inputs = vec![
            valid.clone(),
            envelope(handled, handled, "fails", "1"),
            envelope(handled, handled, "panics", "1"),
            envelope(handled, handled, "u", "\"1\""),
            envelope(handled, handled, "u", "1.5"),
            envelope(handled, other, "u", "1"),
            envelope(other, handled, "u", "1"),
            envelope(other, other, "u", "1"),
            envelope("DispatchTest.Unknown", handled, "u", "1"),
            envelope(handled, "DispatchTest.Unknown", "u", "1"),
            valid.replace(r#""kind":"domain""#, r#""kind":"other""#),
            valid.replace(r#""id":"e-1","#, ""),
            valid.replace(r#""id":"e-1""#, r#""id":"e-1","id":"e-2""#),
            valid.replace(r#""uid":"u""#, r#""uid":"u","uid":"v""#),
            valid.replace(r#""count":1"#, ""),
            valid.replace("}}", "}"),
            valid.replace(r#""uid":"u""#, r#""uid":"\ud800""#),
            // The payload first: its own type is the first one read.
            format!(
                r#"{{"payload":{{"owner":{{"ownershipType":"organization","organizationUid":"o","parentCompanyUid":"c"}},"type":"{handled}","uid":"u","count":1}},"id":"e-1","kind":"domain","type":"{other}"}}"#
            ),
            format!(
                r#"{{"payload":{{"owner":{{"ownershipType":"organization","organizationUid":"o","parentCompanyUid":"c"}},"type":"{handled}","uid":"u","count":1}},"id":"e-1","kind":"domain","type":"{handled}"}}"#
            ),
        ];
        // Every truncation of a valid event, too.
        inputs.extend((0..valid.len()).map(|n| valid[..n].to_owned()));
        for input in &inputs {
            let by_type_string = dispatcher.dispatch_by_type_string(input.as_bytes());
            let dispatched = dispatcher.dispatch(input.as_bytes());
            assert_eq!(
                format!("{dispatched:?}"),
                format!("{by_type_string:?}"),
                "{input}"
            );
        }
        let asynchronous = AsyncDispatcher::new()
            .on(|event: Envelope<Handled>| async move {
                match event.payload.uid.as_str() {
                    "fails" => Err("it failed"),
                    "panics" => panic!("it panicked"),
                    _ => Ok(()),
                }
            })
            .fallback(|_| async {});
        for input in &inputs {
            let by_type_string = asynchronous
                .start_by_type_string(input.as_bytes())
                .map(|(future, running)| (future.map(|future| CatchUnwind { future }), running));
            let by_type_string = ready(async move {
                let (future, running) = by_type_string?;
                running.settle(match future {
                    Ok(future) => future.await,
                    Err(payload) => Err(payload),
                })
            });
            let dispatched = ready(asynchronous.dispatch(input.as_bytes()));
            assert_eq!(
                format!("{dispatched:?}"),
                format!("{by_type_string:?}"),
                "{input}"
            );
        }

        assert!(dispatcher.dispatch_typed(valid.as_bytes()).is_some());
        assert!(dispatcher
            .dispatch_typed(envelope(other, other, "u", "1").as_bytes())
            .is_none());
    }
}
