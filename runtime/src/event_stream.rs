//! [`EventStream`]: a server-sent event stream of `T` events.

use std::io::BufRead;
use std::marker::PhantomData;

use serde::de::DeserializeOwned;

use crate::PayloadError;

/// A server-sent event stream whose `data:` lines are `T` events: the union member
/// `Union[eventstreaming.EventStream[T], eventstreaming.EventStreamAsync[T]]`.
///
/// It reads a `text/event-stream` body and yields each event's `data` as a `T`; an event
/// whose data is `[DONE]` ends the stream, as the Speakeasy SDKs read it.
///
/// ```
/// #[derive(serde::Deserialize, Debug, PartialEq)]
/// struct Chunk { text: String }
///
/// let body = "data: {\"text\": \"Hel\"}\n\ndata: {\"text\": \"lo\"}\n\ndata: [DONE]\n\n";
/// let chunks: Vec<Chunk> = mdmodel::EventStream::new(body.as_bytes())
///     .collect::<Result<_, _>>()
///     .unwrap();
/// assert_eq!(chunks, [Chunk { text: "Hel".into() }, Chunk { text: "lo".into() }]);
/// ```
pub struct EventStream<T, R = std::io::Empty> {
    reader: R,
    done: bool,
    _t: PhantomData<fn() -> T>,
}

impl<T, R> std::fmt::Debug for EventStream<T, R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EventStream").field("done", &self.done).finish()
    }
}

/// Why reading an [`EventStream`] failed.
///
/// ```
/// use mdmodel::{EventStream, EventStreamError};
///
/// let body = "data: {\"n\": \"one\"}\n\n";
/// let mut events = EventStream::<std::collections::BTreeMap<String, i64>, _>::new(body.as_bytes());
/// match events.next() {
///     Some(Err(EventStreamError::Payload(e))) => assert_eq!(e.path(), "n"),
///     other => panic!("{other:?}"),
/// }
/// ```
#[derive(Debug)]
pub enum EventStreamError {
    /// Reading the body failed.
    Io(std::io::Error),
    /// An event's data is not a `T`.
    Payload(PayloadError),
}

impl std::fmt::Display for EventStreamError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EventStreamError::Io(e) => write!(f, "reading the event stream: {e}"),
            EventStreamError::Payload(e) => write!(f, "an event of the stream: {e}"),
        }
    }
}

impl std::error::Error for EventStreamError {}

impl<T: DeserializeOwned, R: BufRead> EventStream<T, R> {
    /// A stream over a `text/event-stream` body: any [`BufRead`], such as a byte slice or a
    /// [`std::io::BufReader`] around a response.
    ///
    /// ```
    /// let body = "event: delta\ndata: 1\n\ndata: 2\n\n";
    /// let stream = mdmodel::EventStream::<i64, _>::new(std::io::BufReader::new(body.as_bytes()));
    /// assert_eq!(stream.map(Result::unwrap).collect::<Vec<_>>(), [1, 2]);
    /// ```
    pub fn new(reader: R) -> Self {
        EventStream { reader, done: false, _t: PhantomData }
    }

    fn next_data(&mut self) -> Result<Option<String>, std::io::Error> {
        let mut data: Option<String> = None;
        let mut line = String::new();
        loop {
            line.clear();
            if self.reader.read_line(&mut line)? == 0 {
                return Ok(data);
            }
            let l = line.trim_end_matches(['\n', '\r']);
            if l.is_empty() {
                if data.is_some() {
                    return Ok(data);
                }
                continue;
            }
            if let Some(rest) = l.strip_prefix("data:") {
                let rest = rest.strip_prefix(' ').unwrap_or(rest);
                match &mut data {
                    Some(d) => {
                        d.push('\n');
                        d.push_str(rest);
                    }
                    None => data = Some(rest.to_owned()),
                }
            }
        }
    }
}

impl<T: DeserializeOwned, R: BufRead> Iterator for EventStream<T, R> {
    type Item = Result<T, EventStreamError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        match self.next_data() {
            Err(e) => {
                self.done = true;
                Some(Err(EventStreamError::Io(e)))
            }
            Ok(None) => {
                self.done = true;
                None
            }
            Ok(Some(d)) if d.trim() == "[DONE]" => {
                self.done = true;
                None
            }
            Ok(Some(d)) => Some(crate::from_str(&d).map_err(EventStreamError::Payload)),
        }
    }
}
