//! The dispatcher routes each envelope to the handler for its type (sync and async), falls
//! back where there is none, and reports the contract's errors for everything else.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::Poll;

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

use events_tests::block_on;

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

/// The id and message of a `HandlerPanicked`, or the test fails.
fn panicked(err: DispatchError) -> (&'static str, String, String) {
    match err {
        DispatchError::HandlerPanicked {
            event_type,
            id,
            message,
        } => (event_type, id, message),
        other => panic!("expected HandlerPanicked, got {other:?}"),
    }
}

/// A panicking handler for `ProvisioningRecipeUpdated` and a well-behaved one for widgets;
/// each handled event is counted.
fn half_broken_dispatcher(handled: Arc<AtomicUsize>) -> Dispatcher {
    Dispatcher::new()
        .on(|e: Envelope<ProvisioningRecipeUpdated>| -> () {
            panic!("recipe {} is cursed", e.payload.uid)
        })
        .on(move |_: Envelope<WidgetRenamed>| {
            handled.fetch_add(1, Ordering::Relaxed);
        })
}

#[test]
fn a_panicking_handler_is_that_events_failure_and_the_next_event_is_handled() {
    let handled = Arc::new(AtomicUsize::new(0));
    let dispatcher = half_broken_dispatcher(handled.clone());
    for _ in 0..2 {
        let (event_type, id, message) = panicked(dispatcher.dispatch(example()).unwrap_err());
        assert_eq!(event_type, ProvisioningRecipeUpdated::TYPE);
        assert_eq!(id, "string");
        assert_eq!(message, "recipe 2dfae202xxxxxxxxxxxxxxxxcd8150f7 is cursed");
        dispatcher.dispatch(&widget()).unwrap();
    }
    assert_eq!(handled.load(Ordering::Relaxed), 2);
}

#[test]
fn the_panic_message_is_the_str_or_string_payload_or_a_fixed_text() {
    let static_str = Dispatcher::new().fallback(|_| -> () { panic!("plain text") });
    assert_eq!(
        panicked(static_str.dispatch(&widget()).unwrap_err()).2,
        "plain text"
    );

    let not_a_string = Dispatcher::new().fallback(|_| -> () { std::panic::panic_any(42_u32) });
    let (event_type, id, message) = panicked(not_a_string.dispatch(&widget()).unwrap_err());
    assert_eq!((event_type, id.as_str()), (WidgetRenamed::TYPE, "w-evt"));
    assert_eq!(message, events_core::dispatch::NON_STRING_PANIC);

    let err = not_a_string.dispatch(&widget()).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "the handler for \"Test.WidgetRenamed\" panicked on event id \"w-evt\": {}",
            events_core::dispatch::NON_STRING_PANIC
        )
    );
}

#[test]
fn a_handler_that_panics_while_holding_a_lock_leaves_the_dispatcher_usable() {
    // The handler's own state may be poisoned; the dispatcher itself is not.
    let state = Arc::new(Mutex::new(0));
    let shared = state.clone();
    let dispatcher = Dispatcher::new().on(move |e: Envelope<WidgetRenamed>| {
        let mut count = shared
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        *count += 1;
        if *count == 1 {
            panic!("first widget {}", e.payload.uid);
        }
    });
    assert!(matches!(
        dispatcher.dispatch(&widget()),
        Err(DispatchError::HandlerPanicked { .. })
    ));
    dispatcher.dispatch(&widget()).unwrap();
    assert!(state.is_poisoned());
}

#[test]
fn an_async_handler_that_panics_while_polled_is_that_events_failure() {
    let handled = Arc::new(AtomicUsize::new(0));
    let count = handled.clone();
    let dispatcher = AsyncDispatcher::new()
        .on(|e: Envelope<ProvisioningRecipeUpdated>| async move {
            // Yield once first, so that the panic comes on a later poll.
            let mut yielded = false;
            std::future::poll_fn(|cx| {
                if yielded {
                    return Poll::Ready(());
                }
                yielded = true;
                cx.waker().wake_by_ref();
                Poll::Pending
            })
            .await;
            if !e.payload.uid.is_empty() {
                panic!("recipe {} is cursed", e.payload.uid);
            }
        })
        .on(move |_: Envelope<WidgetRenamed>| {
            let count = count.clone();
            async move {
                count.fetch_add(1, Ordering::Relaxed);
            }
        });
    for _ in 0..2 {
        let (event_type, id, message) =
            panicked(block_on(dispatcher.dispatch(example())).unwrap_err());
        assert_eq!(
            (event_type, id.as_str()),
            (ProvisioningRecipeUpdated::TYPE, "string")
        );
        assert_eq!(message, "recipe 2dfae202xxxxxxxxxxxxxxxxcd8150f7 is cursed");
        block_on(dispatcher.dispatch(&widget())).unwrap();
    }
    assert_eq!(handled.load(Ordering::Relaxed), 2);
}

#[test]
fn an_async_handler_that_panics_before_returning_its_future_is_that_events_failure() {
    let dispatcher = AsyncDispatcher::new()
        .on(
            |_: Envelope<ProvisioningRecipeUpdated>| -> std::future::Ready<()> {
                panic!("no future for you")
            },
        )
        .fallback(|e| async move { assert_eq!(e.event_type(), WidgetRenamed::TYPE) });
    // The handler is called as `dispatch` is; the panic is caught there and returned by the
    // future, which is still `Send` and `'static`.
    let future = dispatcher.dispatch(example());
    let (_, id, message) = panicked(block_on(future).unwrap_err());
    assert_eq!(
        (id.as_str(), message.as_str()),
        ("string", "no future for you")
    );
    block_on(dispatcher.dispatch(&widget())).unwrap();
}
