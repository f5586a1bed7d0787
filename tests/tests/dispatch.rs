//! The dispatcher routes each envelope to the handler for its type (sync and async), falls
//! back where there is none, and reports the contract's errors for everything else.

use std::future::Future;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};

use events_core::{AsyncDispatcher, DispatchError, Dispatcher, DomainEvent, Envelope, ErrorKind};
use events_device::ProvisioningRecipeUpdated;

/// A second registered type, so that routing by type string has a choice to make.
mod other {
    /// A widget was renamed.
    #[events_core::domain_event(type = "Test.WidgetRenamed")]
    pub struct WidgetRenamed {
        /// The new name.
        pub name: String,
    }
}
use other::WidgetRenamed;

fn example() -> &'static [u8] {
    ProvisioningRecipeUpdated::EXAMPLE.unwrap().as_bytes()
}

fn widget() -> Vec<u8> {
    Envelope::new(
        "w-evt",
        WidgetRenamed {
            owner: events_core::owner::Organization::new("o", "c"),
            name: "Gizmo".into(),
            originator: None,
            uid: "w-1".into(),
        },
    )
    .to_vec()
}

/// A handler that fails the test if it is ever called.
fn never_called<T>(_: T) {
    panic!("this handler must not be called");
}

/// Runs a future to completion on this thread: the dispatcher needs no particular runtime.
fn block_on<F: Future>(future: F) -> F::Output {
    struct Unpark(std::thread::Thread);
    impl Wake for Unpark {
        fn wake(self: Arc<Self>) {
            self.0.unpark();
        }
    }
    let waker = Waker::from(Arc::new(Unpark(std::thread::current())));
    let mut cx = Context::from_waker(&waker);
    let mut future = std::pin::pin!(future);
    loop {
        match future.as_mut().poll(&mut cx) {
            Poll::Ready(out) => return out,
            Poll::Pending => std::thread::park(),
        }
    }
}

#[test]
fn an_event_reaches_the_typed_handler_for_its_type() {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    let dispatcher = Dispatcher::new()
        .on(move |e: Envelope<ProvisioningRecipeUpdated>| log.lock().unwrap().push(e.payload.uid))
        .on(never_called::<Envelope<WidgetRenamed>>);
    dispatcher.dispatch(example()).unwrap();
    assert_eq!(*seen.lock().unwrap(), ["2dfae202xxxxxxxxxxxxxxxxcd8150f7"]);
}

#[test]
fn each_type_goes_to_its_own_handler() {
    let widgets = Arc::new(AtomicUsize::new(0));
    let count = widgets.clone();
    let dispatcher = Dispatcher::new()
        .on(|_: Envelope<ProvisioningRecipeUpdated>| {})
        .on(move |e: Envelope<WidgetRenamed>| {
            assert_eq!(e.payload.name, "Gizmo");
            count.fetch_add(1, Ordering::Relaxed);
        });
    dispatcher.dispatch(&widget()).unwrap();
    dispatcher.dispatch(example()).unwrap();
    assert_eq!(widgets.load(Ordering::Relaxed), 1);
}

#[test]
fn a_type_without_handler_goes_to_the_fallback() {
    let fell_back = Arc::new(Mutex::new(None));
    let slot = fell_back.clone();
    let dispatcher = Dispatcher::new()
        .on(|_: Envelope<ProvisioningRecipeUpdated>| {})
        .fallback(move |e| *slot.lock().unwrap() = Some(e.event_type()));
    dispatcher.dispatch(&widget()).unwrap();
    assert_eq!(*fell_back.lock().unwrap(), Some(WidgetRenamed::TYPE));
}

#[test]
fn a_type_without_handler_or_fallback_is_unhandled() {
    let dispatcher = Dispatcher::new().on(|_: Envelope<ProvisioningRecipeUpdated>| {});
    let err = dispatcher.dispatch(&widget()).unwrap_err();
    assert!(
        matches!(err, DispatchError::Unhandled { event_type: "Test.WidgetRenamed", ref id } if id == "w-evt"),
        "{err:?}"
    );
}

#[test]
fn an_invalid_event_is_rejected_with_the_contract_error_and_reaches_no_handler() {
    let dispatcher = Dispatcher::new()
        .on(never_called::<Envelope<ProvisioningRecipeUpdated>>)
        .fallback(never_called);
    let bad = std::str::from_utf8(example())
        .unwrap()
        .replace("\"Pending\"", "\"Done\"");
    let err = dispatcher.dispatch(bad.as_bytes()).unwrap_err();
    let rejection = err.rejection().expect("a contract error");
    assert_eq!(
        (rejection.kind(), rejection.path()),
        (ErrorKind::InvalidValue, "payload.status")
    );
}

#[test]
fn an_unregistered_type_is_unknown_type_even_with_a_fallback() {
    let dispatcher = Dispatcher::new().fallback(never_called);
    let err = dispatcher
        .dispatch(br#"{"id":"1","kind":"domain","type":"Nobody.Registered","payload":{}}"#)
        .unwrap_err();
    assert_eq!(
        err.rejection().map(|e| e.kind()),
        Some(ErrorKind::UnknownType)
    );
}

#[test]
fn a_handler_error_is_reported_with_the_event_it_failed_on() {
    let dispatcher = Dispatcher::new()
        .on(|_: Envelope<ProvisioningRecipeUpdated>| Err::<(), _>("device offline"));
    let err = dispatcher.dispatch(example()).unwrap_err();
    match err {
        DispatchError::Handler {
            event_type,
            id,
            source,
        } => {
            assert_eq!(event_type, ProvisioningRecipeUpdated::TYPE);
            assert_eq!(id, "string");
            assert_eq!(source.to_string(), "device offline");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn async_handlers_are_awaited_without_a_particular_runtime() {
    let seen = Arc::new(AtomicUsize::new(0));
    let count = seen.clone();
    let dispatcher = AsyncDispatcher::new().on(move |e: Envelope<ProvisioningRecipeUpdated>| {
        let count = count.clone();
        async move {
            assert_eq!(e.id, "string");
            count.fetch_add(1, Ordering::Relaxed);
        }
    });
    block_on(dispatcher.dispatch(example())).unwrap();
    assert_eq!(seen.load(Ordering::Relaxed), 1);
}

#[test]
fn async_dispatch_reports_rejections_fallbacks_and_handler_errors() {
    let dispatcher = AsyncDispatcher::new()
        .on(|_: Envelope<ProvisioningRecipeUpdated>| async { Err::<(), _>("nope") })
        .fallback(|e| async move {
            assert_eq!(e.event_type(), WidgetRenamed::TYPE);
        });
    assert!(matches!(
        block_on(dispatcher.dispatch(example())),
        Err(DispatchError::Handler { .. })
    ));
    block_on(dispatcher.dispatch(&widget())).unwrap();
    let err = block_on(dispatcher.dispatch(b"[]")).unwrap_err();
    assert_eq!(
        err.rejection().map(|e| (e.kind(), e.path())),
        Some((ErrorKind::InvalidType, ""))
    );
}

#[test]
fn the_async_dispatch_future_is_send_and_outlives_the_input() {
    fn assert_send<T: Send + 'static>(_: &T) {}
    let dispatcher = AsyncDispatcher::new().on(|_: Envelope<ProvisioningRecipeUpdated>| async {});
    let bytes = example().to_vec();
    let future = dispatcher.dispatch(&bytes);
    drop(bytes);
    assert_send(&future);
    block_on(future).unwrap();
}
