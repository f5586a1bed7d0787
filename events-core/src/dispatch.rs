//! Routing an envelope to the handler registered for its type.
//!
//! [`Dispatcher`] calls plain functions; [`AsyncDispatcher`] awaits futures. The async one
//! only builds and awaits boxed futures, so it works under any executor (tokio, async-std,
//! smol, a hand-rolled `block_on`) and ties `events-core` to none.

use std::collections::HashMap;
use std::fmt;
use std::future::Future;
use std::pin::Pin;

use crate::envelope::Envelope;
use crate::error::Error;
use crate::registry::{AnyEnvelope, Registry, RegistryError};
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
    /// The registry is unusable: a type string is registered twice.
    #[error(transparent)]
    Registry(#[from] RegistryError),
}

impl DispatchError {
    /// The contract's error, where the event itself was rejected.
    pub fn rejection(&self) -> Option<&Error> {
        match self {
            DispatchError::Rejected(e) => Some(e),
            _ => None,
        }
    }
}

type SyncHandler = Box<dyn Fn(AnyEnvelope) -> Result<(), BoxError> + Send + Sync>;
type BoxFuture = Pin<Box<dyn Future<Output = Result<(), BoxError>> + Send + 'static>>;
type AsyncHandler = Box<dyn Fn(AnyEnvelope) -> BoxFuture + Send + Sync>;

/// The routing both dispatchers share: handlers by type string, and a fallback.
struct Routes<H> {
    handlers: HashMap<&'static str, H>,
    fallback: Option<H>,
}

impl<H> Routes<H> {
    fn new() -> Self {
        Routes {
            handlers: HashMap::new(),
            fallback: None,
        }
    }

    /// Decodes `bytes` by type string and picks who handles the event.
    fn route(&self, bytes: &[u8]) -> Result<(&H, AnyEnvelope), DispatchError> {
        let event = Registry::global()?.decode(bytes)?;
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
}

impl<H> fmt::Debug for Routes<H> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut types: Vec<_> = self.handlers.keys().collect();
        types.sort();
        f.debug_struct("Dispatcher")
            .field("handlers", &types)
            .field("fallback", &self.fallback.is_some())
            .finish()
    }
}

/// Names the event a handler failed on.
fn handler_failed(event_type: &'static str, id: String) -> impl FnOnce(BoxError) -> DispatchError {
    move |source| DispatchError::Handler {
        event_type,
        id,
        source,
    }
}

/// Routes envelopes to typed handlers, by the envelope's type string.
///
/// Every envelope is checked against the contract before any handler sees it. A second
/// handler for the same event type replaces the first.
///
/// ```
/// use std::sync::atomic::{AtomicUsize, Ordering};
/// use std::sync::Arc;
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
}

impl Dispatcher {
    /// A dispatcher with no handlers.
    pub fn new() -> Self {
        Dispatcher {
            routes: Routes::new(),
        }
    }

    /// Calls `handler` for every event of type `E`.
    pub fn on<E, R>(mut self, handler: impl Fn(Envelope<E>) -> R + Send + Sync + 'static) -> Self
    where
        E: DomainEvent,
        R: HandlerOutcome,
    {
        let handler: SyncHandler =
            Box::new(move |event: AnyEnvelope| match event.downcast::<E>() {
                Ok(typed) => handler(typed).into_result(),
                Err(other) => Err(wrong_route::<E>(&other)),
            });
        self.routes.handlers.insert(E::TYPE, handler);
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

    /// Whether a handler of its own is registered for `event_type`.
    pub fn handles(&self, event_type: &str) -> bool {
        self.routes.handlers.contains_key(event_type)
    }

    /// Decodes one envelope, checks it, and calls the handler for its type.
    pub fn dispatch(&self, bytes: &[u8]) -> Result<(), DispatchError> {
        let (handler, event) = self.routes.route(bytes)?;
        let failed = handler_failed(event.event_type(), event.id().to_owned());
        handler(event).map_err(failed)
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
/// [`dispatch`](AsyncDispatcher::dispatch) is a future to await on any executor.
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
}

impl AsyncDispatcher {
    /// A dispatcher with no handlers.
    pub fn new() -> Self {
        AsyncDispatcher {
            routes: Routes::new(),
        }
    }

    /// Awaits `handler` for every event of type `E`.
    pub fn on<E, F, R>(mut self, handler: impl Fn(Envelope<E>) -> F + Send + Sync + 'static) -> Self
    where
        E: DomainEvent,
        F: Future<Output = R> + Send + 'static,
        R: HandlerOutcome,
    {
        let handler: AsyncHandler =
            Box::new(move |event: AnyEnvelope| match event.downcast::<E>() {
                Ok(typed) => {
                    let future = handler(typed);
                    Box::pin(async move { future.await.into_result() })
                }
                Err(other) => {
                    let error = wrong_route::<E>(&other);
                    Box::pin(async move { Err(error) })
                }
            });
        self.routes.handlers.insert(E::TYPE, handler);
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

    /// Whether a handler of its own is registered for `event_type`.
    pub fn handles(&self, event_type: &str) -> bool {
        self.routes.handlers.contains_key(event_type)
    }

    /// Decodes one envelope, checks it, and awaits the handler for its type.
    ///
    /// The bytes are decoded before the returned future is first polled, so the future
    /// borrows nothing from them.
    pub fn dispatch(
        &self,
        bytes: &[u8],
    ) -> impl Future<Output = Result<(), DispatchError>> + Send + 'static {
        let routed = self.routes.route(bytes).map(|(handler, event)| {
            let failed = handler_failed(event.event_type(), event.id().to_owned());
            (handler(event), failed)
        });
        async move {
            let (future, failed) = routed?;
            future.await.map_err(failed)
        }
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
